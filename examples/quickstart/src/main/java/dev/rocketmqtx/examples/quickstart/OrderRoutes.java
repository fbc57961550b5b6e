package dev.rocketmqtx.examples.quickstart;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.examples.quickstart.Order.Mishap;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The order service: saving an order and publishing it to the shipping service happen together or not at all.
 */
public class OrderRoutes extends RouteBuilder {

    /** Exchange property with the {@link Order} being placed; the message itself carries only its body and id. */
    public static final String ORDER = "order";
    /** Header, sent as a message property: ties messages to the run that sent them (a real cluster keeps old ones). */
    public static final String RUN_ID = "runId";

    private final String namesrvAddr;
    private final OrderRepository repository;
    private final OrderLedger ledger;

    public OrderRoutes(String namesrvAddr, OrderRepository repository, OrderLedger ledger) {
        this.namesrvAddr = namesrvAddr;
        this.repository = repository;
        this.ledger = ledger;
    }

    @Override
    public void configure() {
        // An invalid order is an expected outcome (its message is rolled back), not an error worth a stack trace.
        onException(InvalidOrderException.class).logExhausted(false);

        // The broker stores a half message, runs direct:saveOrder, then commits or rolls the message back as the
        // route ended. orderCheck answers the broker when it did not hear the end (see OrderCheck).
        from("direct:placeOrder").routeId("place-order")
                .to("rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&producerGroup=order-service"
                    + "&localTransaction=direct:saveOrder&checkProcessor=#orderCheck");

        // The local transaction. Completes: COMMIT. Throws: ROLLBACK. Header CamelRocketMQTxStatus: that status.
        from("direct:saveOrder").routeId("save-order")
                .process(OrderRoutes::validate)
                .choice()
                    .when(e -> order(e).mishap() == Mishap.DATABASE_TIMEOUT)
                        // We cannot tell whether the database committed: leave the decision to the check.
                        .setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN))
                    .otherwise()
                        .process(e -> repository.insert(order(e)))
                        .filter(e -> order(e).mishap() == Mishap.COMMIT_ANSWER_LOST)
                            // Stands in for a COMMIT lost on its way to the broker: the broker will ask the check.
                            .setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN))
                        .end()
                .end();

        // The shipping service sees committed orders only, each once the order row exists.
        from("rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&consumerGroup=shipping").routeId("ship-order")
                .process(e -> ledger.shipped(e.getMessage().getHeader("orderId", String.class),
                        e.getMessage().getHeader(RUN_ID, String.class)));
    }

    private static void validate(Exchange exchange) {
        Order order = order(exchange);
        if (order.quantity() <= 0) {
            throw new InvalidOrderException(order.id() + ": quantity must be positive, was " + order.quantity());
        }
    }

    private static Order order(Exchange exchange) {
        return exchange.getProperty(ORDER, Order.class);
    }

    /** Thrown by validation; it fails the local transaction, so the order's message is rolled back. */
    public static class InvalidOrderException extends IllegalArgumentException {
        public InvalidOrderException(String message) {
            super(message);
        }
    }
}
