package dev.rocketmqtx.camel.reliability;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

/**
 * What a consumer received, per business key: which keys arrived and how often. RocketMQ delivers at least once, so a
 * key may arrive more than once after a fault; those extra arrivals are duplicates, counted and reported, not failures.
 */
final class DeliveryLedger {

    /**
     * Longer than the broker's transaction timeout plus one check interval and a margin: a key that has not arrived
     * by then will not arrive, because the broker has settled every half message.
     */
    static final Duration CHECK_WINDOW = Duration.ofSeconds(4);

    private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();

    void record(String key) {
        arrivals.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    Set<String> keys() {
        return Set.copyOf(arrivals.keySet());
    }

    int distinct() {
        return arrivals.size();
    }

    /**
     * The invariant of every fault test: every committed key arrives (within {@code deliveryTimeout}), and no other
     * key arrives over the whole check window.
     */
    void awaitExactly(Set<String> committed, Duration deliveryTimeout) {
        await("committed keys delivered").atMost(deliveryTimeout).until(() -> keys().containsAll(committed));
        await("no rolled-back key delivered").during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(10))
                .until(() -> keys().equals(committed));
    }

    /** Arrivals beyond the first, summed over all keys. */
    int duplicates() {
        return arrivals.values().stream().mapToInt(count -> count.get() - 1).sum();
    }

    /** Keys that arrived more than once, with their arrival counts (for the report). */
    Map<String, Integer> duplicated() {
        Map<String, Integer> result = new TreeMap<>();
        arrivals.forEach((key, count) -> {
            if (count.get() > 1) {
                result.put(key, count.get());
            }
        });
        return result;
    }
}
