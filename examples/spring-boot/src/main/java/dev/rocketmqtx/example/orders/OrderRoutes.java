package dev.rocketmqtx.example.orders;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The order flow. The name server address, and any namespace or credentials, come from the
 * {@code camel.component.rocketmq-tx.*} properties, so the endpoint URIs name only topic, groups and routes.
 */
@Component
public class OrderRoutes extends RouteBuilder {

    private final Shipments shipments;

    public OrderRoutes(Shipments shipments) {
        this.shipments = shipments;
    }

    @Override
    public void configure() {
        // Headers orderId, item and quantity; they travel as user properties of the message, so the consumer sees
        // them too. transactionLog: the component adds the transaction id to orderLog in the database transaction of
        // the local transaction, and answers the broker's checks from it (no check route).
        from("direct:placeOrder").routeId("place-order")
                .to("rocketmq-tx:{{orders.topic}}?producerGroup={{orders.producer-group}}"
                    + "&localTransaction=direct:saveOrder&transactionLog=#orderLog"
                    + "&localTransactionTimeout={{orders.local-transaction-timeout}}");

        // The local transaction. The component runs it in a database transaction, with the log entry; the
        // transacted() here joins that transaction, and the sql endpoints join it too. It commits when this route
        // ends, before the component answers COMMIT to the broker, so no consumer can see a message whose order is
        // not yet (or never) in the database. A failure rolls the database back, log entry included, and the
        // component answers ROLLBACK. (Without transactionLog, transacted() belongs here, never around the producer.)
        from("direct:saveOrder").routeId("save-order")
                .transacted()
                .to("sql:insert into orders (id, item, quantity) values (:#orderId, :#item, :#quantity)")
                // fails on the stock table's check constraint when too few are left
                .to("sql:update stock set available = available - :#quantity where item = :#item");

        // Shipping receives committed orders only, each transaction once: idempotentRepository adds its id in the
        // route's database transaction and acknowledges a second delivery without routing it. It looks the order up
        // to show that the row is always there by the time the message is.
        from("rocketmq-tx:{{orders.topic}}?consumerGroup={{orders.shipping-group}}&idempotentRepository=#shippedOrders")
                .routeId("ship-order")
                .to("sql:select count(*) from orders where id = :#orderId?outputType=SelectOne")
                .bean(shipments, "ship(${header.orderId}, ${body})");
    }
}
