package dev.rocketmqtx.example.orders;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
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
        // Headers orderId, item and quantity; they travel as user properties of the message, so the check and the
        // consumer see them too.
        from("direct:placeOrder").routeId("place-order")
                .to("rocketmq-tx:{{orders.topic}}?producerGroup={{orders.producer-group}}"
                    + "&localTransaction=direct:saveOrder&checkUri=direct:checkOrder");

        // The local transaction. transacted() is HERE, not around the producer: the database transaction commits
        // when this route ends, before the component answers COMMIT to the broker, so no consumer can see a
        // message whose order is not yet (or never) in the database. A failure rolls the database back and the
        // component answers ROLLBACK.
        from("direct:saveOrder").routeId("save-order")
                .transacted()
                .to("sql:insert into orders (id, item, quantity) values (:#orderId, :#item, :#quantity)")
                // fails on the stock table's check constraint when too few are left
                .to("sql:update stock set available = available - :#quantity where item = :#item");

        // The broker's check, for a transaction whose COMMIT or ROLLBACK it did not receive (for example because
        // this instance crashed): the database decides, so any instance of the application can answer.
        from("direct:checkOrder").routeId("check-order")
                .to("sql:select count(*) from orders where id = :#orderId?outputType=SelectOne")
                .choice()
                    .when(body().isGreaterThan(0))
                        .setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.COMMIT))
                    .otherwise()
                        .setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.ROLLBACK));

        // Shipping receives committed orders only. It looks the order up to show that the row is always there
        // by the time the message is.
        from("rocketmq-tx:{{orders.topic}}?consumerGroup={{orders.shipping-group}}").routeId("ship-order")
                .to("sql:select count(*) from orders where id = :#orderId?outputType=SelectOne")
                .bean(shipments, "ship(${header.orderId}, ${body})");
    }
}
