package dev.rocketmqtx.example.orders;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Shipping's side: the orders announced to it, each with whether its database row existed on arrival. */
@Component
public class Shipments {

    private static final Logger LOG = LoggerFactory.getLogger(Shipments.class);

    private final Map<String, Boolean> shipped = new ConcurrentHashMap<>();

    public void ship(String orderId, long rowsInDatabase) {
        LOG.info("Shipping order {}", orderId);
        shipped.put(orderId, rowsInDatabase > 0);
    }

    /** Order id to whether the order was in the database when its message arrived. */
    public Map<String, Boolean> shipped() {
        return Map.copyOf(shipped);
    }
}
