package dev.rocketmqtx.camel.reliability;

import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatistics;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The shop's shipping service in the test JVM: a consumer endpoint with an idempotentRepository on the shop's
 * database, whose route inserts a shipment row under {@code transacted()}; the key and the row commit together. What
 * the route received is recorded per order id.
 */
final class ShippingService implements AutoCloseable {

    private final CamelContext context;
    private final RocketMQTxEndpoint endpoint;
    private final DeliveryLedger routed = new DeliveryLedger();

    /** @param consumerUri a consumer endpoint URI; {@code &idempotentRepository=#shipped} is added */
    ShippingService(String consumerUri, ShopDatabase database) throws Exception {
        String uri = consumerUri + "&idempotentRepository=#shipped";
        context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("shipped", database.repository(ShopDatabase.SHIPPED));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).transacted().process(exchange -> {
                    String orderId = exchange.getMessage().getHeader("orderId", String.class);
                    database.insertShipment(orderId);
                    routed.record(orderId);
                });
            }
        });
        context.start();
        endpoint = context.getEndpoint(uri, RocketMQTxEndpoint.class);
    }

    /** The order ids the route received: at most once each, if the repository does its job. */
    DeliveryLedger routed() {
        return routed;
    }

    /** The consumer's statistics: consumed, failures, duplicates acknowledged without routing. */
    TransactionStatistics statistics() {
        return endpoint.getStatistics();
    }

    @Override
    public void close() {
        context.stop();
    }
}
