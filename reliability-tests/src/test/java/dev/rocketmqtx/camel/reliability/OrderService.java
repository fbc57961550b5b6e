package dev.rocketmqtx.camel.reliability;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatistics;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;

/**
 * An instance of the shop's order service in the test JVM, as {@link OrderProducerApp} is in a JVM of its own: a
 * producer endpoint with a transactionLog on the shop's database and no check code, whose local transaction inserts
 * the order row under {@code transacted()}. Another instance of the same producer group (remoting) or topic (gRPC)
 * answers the checks of the transactions a dead instance left.
 */
final class OrderService implements AutoCloseable {

    private final CamelContext context;
    private final RocketMQTxEndpoint endpoint;

    /**
     * @param producerUri    a producer endpoint URI without localTransaction and transactionLog
     * @param transactionLog the log, on the shop's database
     */
    OrderService(String producerUri, ShopDatabase database, IdempotentRepository transactionLog) throws Exception {
        String uri = producerUri + "&localTransaction=direct:saveOrder&transactionLog=#txLog";
        context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("txLog", transactionLog);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:placeOrder").to(uri);
                from("direct:saveOrder").transacted().process(exchange -> database.insertOrder(
                        exchange.getMessage().getHeader("orderId", String.class),
                        exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class)));
            }
        });
        context.start();
        endpoint = context.getEndpoint(uri, RocketMQTxEndpoint.class);
    }

    /** Places an order: one transaction; the returned exchange carries its outcome headers. */
    Exchange place(String orderId) {
        return context.createFluentProducerTemplate().to("direct:placeOrder").withBody("order " + orderId)
                .withHeader("orderId", orderId).send();
    }

    /** The producer's statistics, checks included. */
    TransactionStatistics statistics() {
        return endpoint.getStatistics();
    }

    @Override
    public void close() {
        context.stop();
    }
}
