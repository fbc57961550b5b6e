package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.examples.quickstart.DemoTransactionManager.ConnectionLostOnCommitException;
import dev.rocketmqtx.examples.quickstart.Order.Mishap;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The order service: saving an order and publishing it to the shipping service happen together or not at all. There
 * is no check code: the transaction log answers the broker's checks.
 */
public class OrderRoutes extends RouteBuilder {

    /** Exchange property with the {@link Order} being placed; the message itself carries only its body and id. */
    public static final String ORDER = "order";
    /** Header, sent as a message property: ties messages to the run that sent them (a real cluster keeps old ones). */
    public static final String RUN_ID = "runId";
    /** Registry names of the two JDBC repositories (see QuickstartRun). */
    public static final String ORDER_LOG = "orderLog";
    public static final String SHIPPED_ORDERS = "shippedOrders";

    private final String namesrvAddr;
    private final Duration localTransactionTimeout;
    private final OrderRepository repository;
    private final OrderLedger ledger;

    /**
     * @param localTransactionTimeout how long a local transaction may take; a check rolls back a transaction that the
     *                                log does not hold only once its half message is older
     */
    public OrderRoutes(String namesrvAddr, Duration localTransactionTimeout, OrderRepository repository,
                       OrderLedger ledger) {
        this.namesrvAddr = namesrvAddr;
        this.localTransactionTimeout = localTransactionTimeout;
        this.repository = repository;
        this.ledger = ledger;
    }

    /**
     * The producer: the broker stores a half message, the component runs direct:saveOrder in a database transaction
     * that also adds the transaction id to orderLog, then commits or rolls the message back as the route ended. When
     * the broker did not hear the end, its check is answered from orderLog: logged means committed.
     */
    public String producerUri() {
        return "rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&producerGroup=order-service"
               + "&localTransaction=direct:saveOrder&transactionLog=#" + ORDER_LOG
               + "&localTransactionTimeout=" + localTransactionTimeout.toMillis();
    }

    /** The shipping consumer: each transaction reaches its route once, its key kept in shippedOrders. */
    public String consumerUri() {
        return "rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&consumerGroup=shipping"
               + "&idempotentRepository=#" + SHIPPED_ORDERS;
    }

    @Override
    public void configure() {
        // Expected outcomes of the demo, not errors worth a stack trace: an invalid order (its message is rolled
        // back), and the commit that the demo makes fail (its message is left to the check).
        onException(InvalidOrderException.class).logExhausted(false);
        onException(ConnectionLostOnCommitException.class).logExhausted(false);

        from("direct:placeOrder").routeId("place-order")
                .to(producerUri());

        // The local transaction. The component runs it in a database transaction (the one transacted() would use),
        // so the insert and the log entry commit together; no transacted() is needed here, and one would join it.
        // Completes: COMMIT. Throws: ROLLBACK. Header CamelRocketMQTxStatus: that status.
        from("direct:saveOrder").routeId("save-order")
                .process(OrderRoutes::validate)
                .process(e -> repository.insert(order(e)))
                .choice()
                    .when(e -> order(e).mishap() == Mishap.COMMIT_ANSWER_LOST)
                        // Stands in for a COMMIT lost on its way to the broker: the row and the log entry commit,
                        // the broker hears nothing and asks the check.
                        .setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN))
                    .when(e -> order(e).mishap() == Mishap.CONNECTION_LOST_ON_COMMIT)
                        // The commit will fail: the component cannot tell whether the row and the log entry are
                        // there, answers UNKNOWN and leaves the decision to the check.
                        .process(e -> DemoTransactionManager.breakConnectionOnCommit())
                .end();

        // The shipping service sees committed orders only, each transaction once. A real one would write its
        // shipment here: the consumer's key is added in the same database transaction.
        from(consumerUri()).routeId("ship-order")
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
