package dev.rocketmqtx.camel.transactionlog;

import java.time.Duration;

import dev.rocketmqtx.camel.OrderDatabase;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.UnendedHalfMessage;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * transactionLog: the producer logs the transaction id in the local transaction's own database transaction, and
 * the broker's checks are answered from the log with no check code. A transaction the log does not hold is rolled
 * back only once its half message is older than localTransactionTimeout.
 */
class TransactionLogTest extends RocketMQTxTestSupport {

    private static final String LOG_NAME = "orders-tx";
    private static final long TIMEOUT_MILLIS = 4000;

    private final OrderDatabase database = new OrderDatabase(unique("orders"));

    @BindToRegistry("transactionManager")
    private final DataSourceTransactionManager transactionManager = database.transactionManager();

    @BindToRegistry("txLog")
    private final JdbcMessageIdRepository txLog = database.repository(LOG_NAME);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&transactionLog=#txLog&localTransactionTimeout=" + TIMEOUT_MILLIS));
                from("direct:local").transacted()
                        .process(e -> database.insertOrder(e.getMessage().getBody(String.class)))
                        .process(e -> simulateSlowWork(e.getMessage().getHeader("workMillis", Long.class)))
                        .choice()
                        .when(body().startsWith("fails")).throwException(new IllegalStateException("payment declined"))
                        // The end is lost on purpose: only a check can decide it.
                        .when(body().startsWith("unknown")).setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"))
                        .end();
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    /** A local transaction whose work takes long, when the test asks for one: the scenario, not synchronisation. */
    private static void simulateSlowWork(Long millis) throws InterruptedException {
        if (millis != null) {
            Thread.sleep(millis);
        }
    }

    private RocketMQTxEndpoint producer() {
        return producerEndpoint("&transactionLog=#txLog&localTransactionTimeout=" + TIMEOUT_MILLIS);
    }

    @Test
    void committedLocalTransactionIsLoggedWithItsRowAndDelivered() {
        Exchange sent = send("ok-1");

        String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(database.hasOrder("ok-1")).isTrue();
        assertThat(database.logged(LOG_NAME, transactionId)).isTrue();
        awaitDelivered("ok-1");
    }

    @Test
    void localTransactionThatFailsAfterItsInsertLeavesNeitherRowNorLogEntryAndIsNeverDelivered() {
        Exchange sent = send("fails-1");

        String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        assertThat(sent.getException()).hasMessageContaining("payment declined");
        assertThat(database.hasOrder("fails-1")).isFalse();
        assertThat(database.logged(LOG_NAME, transactionId)).isFalse();
        assertNeverDelivered("fails-1");
    }

    @Test
    void checkOfALoggedTransactionCommitsItWithNoCheckCode() {
        Exchange sent = send("unknown-1");

        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("unknown-1");
        assertThat(producer().getStatistics().getCheckCommit()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void unloggedTransactionIsUnknownWhileItMayRunAndRolledBackOnlyOnceOlderThanTheTimeout() throws Exception {
        RocketMQTxEndpoint producer = producer();
        // Another instance of the group crashed inside its local transaction: its row never committed.
        long sentAt = System.currentTimeMillis();
        UnendedHalfMessage.leave(BROKER, producerGroup, topic, "crashed-1", null);

        await().atMost(Duration.ofSeconds(30)).until(() -> producer.getStatistics().getCheckRollback() == 1);
        long rolledBackAt = System.currentTimeMillis();
        assertThat(producer.getStatistics().getCheckUnknown()).as("checks while it could still run").isPositive();
        assertThat(rolledBackAt - sentAt).as("never before localTransactionTimeout").isGreaterThanOrEqualTo(TIMEOUT_MILLIS);
        assertNeverDelivered("crashed-1");
    }

    @Test
    void localTransactionStillRunningNearTheTimeoutIsRolledBackBeforeItCommits() {
        Exchange sent = template.send("direct:send", e -> {
            e.getMessage().setBody("slow-1");
            e.getMessage().setHeader("workMillis", TIMEOUT_MILLIS);
        });

        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(sent.getException()).hasMessageContaining("localTransactionTimeout");
        assertThat(database.hasOrder("slow-1")).isFalse();
        assertNeverDelivered("slow-1");
    }
}
