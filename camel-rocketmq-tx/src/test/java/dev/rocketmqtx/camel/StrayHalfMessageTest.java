package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stray half message of a transaction: when storing the half message times out on the client although the broker
 * stored it, the client sends the same message again, so the broker holds two half messages with the same
 * transaction id (the client sets the unique id only once). The producer ends the one it got a receipt for; the
 * broker checks the other, and the check answers for the transaction id: the stray copy is decided like the
 * transaction. A committed transaction is then delivered twice, with the same transaction id (the idempotent
 * consumer's key), and a rolled-back one never.
 * <p>
 * The test leaves such a stray copy behind as the client's retry would: a raw producer of the same group sends it
 * with the transaction's id and never ends it.
 */
class StrayHalfMessageTest extends RocketMQTxTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(""));
                from("direct:local").choice().when(body().startsWith("rollback")).markRollbackOnly().end();
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void strayCopyOfACommittedTransactionIsDeliveredAgainWithTheSameTransactionId() throws Exception {
        Exchange sent = send("commit-1");
        String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        awaitDelivered("commit-1");

        UnendedHalfMessage.leave(BROKER, producerGroup, topic, "commit-1", transactionId);

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.stream().filter("commit-1"::equals).count() == 2);
        List<Object> ids = deliveredExchanges.stream()
                .map(e -> e.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID)).toList();
        assertThat(ids).containsExactly(transactionId, transactionId);
    }

    @Test
    void strayCopyOfARolledBackTransactionIsNeverDelivered() throws Exception {
        Exchange sent = send("rollback-1");
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);

        UnendedHalfMessage.leave(BROKER, producerGroup, topic, "rollback-1",
                sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class));

        assertNeverDelivered("rollback-1");
    }
}
