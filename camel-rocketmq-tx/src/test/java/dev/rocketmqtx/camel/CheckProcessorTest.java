package dev.rocketmqtx.camel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker's check of transactions left UNKNOWN, answered by a check processor bean.
 */
class CheckProcessorTest extends RocketMQTxTestSupport {

    private final List<Exchange> checks = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> checksPerBody = new ConcurrentHashMap<>();

    /** Decides by the body: "commit..." and "rollback..." answer so; "flaky..." fails once, then commits. */
    @BindToRegistry("orderCheck")
    private final Processor orderCheck = exchange -> {
        checks.add(exchange.copy());
        String body = exchange.getMessage().getBody(String.class);
        int times = checksPerBody.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
        if (body.startsWith("commit")) {
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.COMMIT);
        } else if (body.startsWith("rollback")) {
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, "ROLLBACK");
        } else if (body.startsWith("flaky") && times == 1) {
            throw new IllegalStateException("order database unavailable");
        } else if (body.startsWith("silent") && times == 1) {
            return; // no status: the broker must ask again
        } else {
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");
        }
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkProcessor=#orderCheck&tags=orders"));
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void unknownThenCheckCommitDeliversTheMessage() {
        Exchange sent = send("commit-1");

        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("commit-1");
        assertThat(checksPerBody.get("commit-1")).hasValue(1);
    }

    @Test
    void checkSeesTheMessageAsSent() {
        Exchange sent = send("commit-2", Map.of(RocketMQTxConstants.KEYS, "order-2", "orderId", 2, "CamelSecret", "x"));
        awaitDelivered("commit-2");

        Exchange check = checks.stream().filter(c -> "commit-2".equals(c.getMessage().getBody(String.class)))
                .findFirst().orElseThrow();
        assertThat(check.getMessage().getBody()).isInstanceOf(byte[].class);
        assertThat(check.getMessage().getHeaders())
                .containsEntry(RocketMQTxConstants.TAGS, "orders")
                .containsEntry(RocketMQTxConstants.KEYS, "order-2")
                .containsEntry(RocketMQTxConstants.TOPIC, topic)
                .containsEntry("orderId", "2")
                .containsEntry(RocketMQTxConstants.TRANSACTION_ID,
                        sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID))
                .containsEntry(RocketMQTxConstants.MESSAGE_ID,
                        sent.getMessage().getHeader(RocketMQTxConstants.MESSAGE_ID))
                .containsEntry(RocketMQTxConstants.CHECK_TIMES, 1)
                .doesNotContainKey("CamelSecret");
    }

    @Test
    void checkRollbackDiscardsTheMessage() {
        send("rollback-1");
        send("commit-3");

        awaitDelivered("commit-3");
        assertNeverDelivered("rollback-1");
        assertThat(checksPerBody.get("rollback-1")).hasValue(1);
    }

    @Test
    void failingCheckIsAskedAgainAndItsLaterCommitDelivers() {
        send("flaky-1");

        awaitDelivered("flaky-1");
        assertThat(checksPerBody.get("flaky-1").get()).isGreaterThanOrEqualTo(2);
        Exchange second = checks.stream().filter(c -> "flaky-1".equals(c.getMessage().getBody(String.class)))
                .skip(1).findFirst().orElseThrow();
        assertThat(second.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES, Integer.class)).isEqualTo(2);
    }

    @Test
    void checkThatSetsNoStatusIsAskedAgain() {
        send("silent-1");

        awaitDelivered("silent-1");
        assertThat(checksPerBody.get("silent-1").get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyCheckAnswerIsCounted() {
        send("flaky-2");
        awaitDelivered("flaky-2");

        TransactionStatistics statistics = producerEndpoint("&checkProcessor=#orderCheck&tags=orders").getStatistics();
        assertThat(statistics.getUnknown()).isEqualTo(1);
        // The failed first check, then COMMIT; the broker may legitimately ask again (answered from memory).
        assertThat(statistics.getCheckUnknown()).isGreaterThanOrEqualTo(1);
        assertThat(statistics.getCheckCommit()).isGreaterThanOrEqualTo(1);
        assertThat(statistics.getCheckRollback()).isZero();
        assertThat(statistics.getChecks())
                .isEqualTo(statistics.getCheckUnknown() + statistics.getCheckCommit() + statistics.getCheckRollback());
        assertThat(checksPerBody.get("flaky-2")).as("the user's check is not asked again after COMMIT").hasValue(2);
    }
}
