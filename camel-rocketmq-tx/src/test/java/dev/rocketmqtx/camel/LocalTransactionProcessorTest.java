package dev.rocketmqtx.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * localTransactionProcessor: a Processor is the local transaction, called in place of a route, and its outcome
 * decides as a route's does; with transactionLog its work and the log entry commit or roll back together.
 */
class LocalTransactionProcessorTest extends RocketMQTxTestSupport {

    private static final String LOG_NAME = "orders-tx";

    private final OrderDatabase database = new OrderDatabase(unique("orders"));
    private final AtomicReference<Thread> ranIn = new AtomicReference<>();
    private final AtomicReference<String> transactionIdSeen = new AtomicReference<>();

    @BindToRegistry("transactionManager")
    private final DataSourceTransactionManager transactionManager = database.transactionManager();

    @BindToRegistry("txLog")
    private final JdbcMessageIdRepository txLog = database.repository(LOG_NAME);

    /** Saves the order, then ends as the body asks. */
    @BindToRegistry("saveOrder")
    private final Processor saveOrder = exchange -> {
        ranIn.set(Thread.currentThread());
        transactionIdSeen.set(exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class));
        String body = exchange.getMessage().getBody(String.class);
        database.insertOrder(body);
        if (body.startsWith("declined")) {
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
        } else if (body.startsWith("rollback-only")) {
            exchange.setRollbackOnly(true);
        } else if (body.startsWith("fails")) {
            throw new IllegalStateException("payment declined");
        }
    };

    private final List<String> checked = new CopyOnWriteArrayList<>();

    /** The check: commits an order the database holds, rolls back one it does not. */
    @BindToRegistry("commitIfSaved")
    private final Processor commitIfSaved = exchange -> {
        String body = exchange.getMessage().getBody(String.class);
        checked.add(body);
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS,
                database.hasOrder(body) ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(processorUri(""));
                // Its own group: endpoints of one topic that share a group must answer checks the same way.
                from("direct:sendLogged").to(processorUri("&transactionLog=#txLog")
                        .replace(producerGroup, producerGroup + "-logged"));
                // A failure answered UNKNOWN: the check decides by the order the processor saved before failing.
                from("direct:sendUncertain").to(processorUri("&exceptionStatus=UNKNOWN&checkProcessor=#commitIfSaved")
                        .replace(producerGroup, producerGroup + "-uncertain"));
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    private String processorUri(String options) {
        return producerUri(options).replace("&localTransaction=direct:local", "&localTransactionProcessor=#saveOrder");
    }

    private Exchange sendLogged(String body) {
        return template.send("direct:sendLogged", e -> e.getMessage().setBody(body));
    }

    @Test
    void processorThatCompletesCommitsAndRunsInTheCallersThreadAfterTheHalfMessage() {
        Exchange result = send("order-1");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(ranIn.get()).isSameAs(Thread.currentThread());
        assertThat(transactionIdSeen.get()).as("the half message's transaction id").isNotBlank()
                .isEqualTo(result.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID));
        awaitDelivered("order-1");
    }

    @Test
    void statusHeaderRollbackFromTheProcessorRollsBack() {
        Exchange result = send("declined-1");
        send("order-2");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("order-2");
        assertNeverDelivered("declined-1");
    }

    @Test
    void rollbackOnlyFromTheProcessorRollsBackWithoutFailingTheCaller() {
        Exchange result = send("rollback-only-1");
        send("order-4");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("order-4");
        assertNeverDelivered("rollback-only-1");
    }

    @Test
    void exceptionFromTheProcessorRollsBackAndFailsTheCallerWithThatException() {
        Exchange result = send("fails-1");
        send("order-3");

        assertThat(result.getException()).isInstanceOf(IllegalStateException.class).hasMessage("payment declined");
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("order-3");
        assertNeverDelivered("fails-1");
    }

    @Test
    void exceptionFromTheProcessorWithExceptionStatusUnknownIsDecidedByTheCheck() {
        Exchange result = template.send("direct:sendUncertain", e -> e.getMessage().setBody("fails-uncertain-1"));

        assertThat(result.getException()).hasMessage("payment declined");
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(database.hasOrder("fails-uncertain-1")).as("saved before the processor failed").isTrue();
        awaitDelivered("fails-uncertain-1");
        assertThat(checked).as("decided by the check").contains("fails-uncertain-1");
    }

    @Test
    void withTransactionLogTheProcessorsRowAndItsLogEntryCommitTogether() {
        Exchange result = sendLogged("logged-1");

        String transactionId = result.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(database.hasOrder("logged-1")).isTrue();
        assertThat(database.logged(LOG_NAME, transactionId)).isTrue();
        awaitDelivered("logged-1");
    }

    @Test
    void withTransactionLogAFailingProcessorLeavesNeitherRowNorLogEntry() {
        Exchange result = sendLogged("fails-logged-1");

        String transactionId = result.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        assertThat(result.getException()).hasMessage("payment declined");
        assertThat(database.hasOrder("fails-logged-1")).as("the processor's insert rolled back").isFalse();
        assertThat(database.logged(LOG_NAME, transactionId)).isFalse();
        assertNeverDelivered("fails-logged-1");
    }
}
