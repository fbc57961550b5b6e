package dev.rocketmqtx.camel.testcontainers;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The transactional contract of rocketmq-tx: endpoints against a broker in a container: what the local transaction
 * decides, or the broker's check when it decides nothing, is what consumers see.
 */
class TransactionContractContainerTest extends ContainerTestSupport {

    private final Map<String, AtomicInteger> checksPerBody = new ConcurrentHashMap<>();

    /** The broker's check: "check-commit..." is committed, "check-rollback..." rolled back. */
    @BindToRegistry("orderCheck")
    private final Processor orderCheck = exchange -> {
        String body = exchange.getMessage().getBody(String.class);
        checksPerBody.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS,
            body.startsWith("check-commit") ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkProcessor=#orderCheck"));
                from("direct:local")
                    .choice()
                    .when(body().startsWith("check-")).setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"))
                    .when(body().startsWith("fail")).throwException(new IllegalStateException("database is down"))
                    .end();
                from(consumerUri("")).process(exchange -> record(exchange));
            }
        };
    }

    @Test
    void committedTransactionIsDelivered() {
        Exchange result = send("commit-1");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("commit-1");
        assertThat(checksPerBody).doesNotContainKey("commit-1");
    }

    @Test
    void rolledBackTransactionIsNeverDelivered() {
        Exchange result = send("fail-1");
        send("commit-2");

        assertThat(result.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database is down");
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("commit-2");
        assertNeverDelivered("fail-1");
    }

    @Test
    void unknownTransactionIsDeliveredWhenTheCheckCommits() {
        Exchange result = send("check-commit-1");

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("check-commit-1");
        assertThat(checksPerBody.get("check-commit-1")).hasPositiveValue();
    }

    @Test
    void unknownTransactionIsNeverDeliveredWhenTheCheckRollsBack() {
        send("check-rollback-1");
        send("commit-3");

        awaitDelivered("commit-3");
        assertNeverDelivered("check-rollback-1");
        assertThat(checksPerBody.get("check-rollback-1")).hasPositiveValue();
        assertThat(delivered).isEqualTo(List.of("commit-3"));
    }
}
