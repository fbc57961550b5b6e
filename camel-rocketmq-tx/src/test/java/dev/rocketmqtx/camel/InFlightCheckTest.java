package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A local transaction that outlives the broker's transaction timeout: the broker checks while it still runs. The
 * check must answer UNKNOWN without asking the user's check, which would see no committed row yet and roll back a
 * transaction that is about to commit.
 */
class InFlightCheckTest extends RocketMQTxTestSupport {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger userChecks = new AtomicInteger();

    @BindToRegistry("pessimisticCheck")
    private final Processor pessimisticCheck = e -> {
        userChecks.incrementAndGet();
        e.getMessage().setHeader(RocketMQTxConstants.STATUS, "ROLLBACK");
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkProcessor=#pessimisticCheck"));
                from("direct:local").process(e -> assertThat(release.await(30, TimeUnit.SECONDS)).isTrue());
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void checkDuringTheLocalTransactionAnswersUnknownWithoutAskingTheUser() throws Exception {
        RocketMQTxEndpoint endpoint = producerEndpoint("&checkProcessor=#pessimisticCheck");
        CompletableFuture<Exchange> sending = CompletableFuture.supplyAsync(() -> send("slow-1"));

        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.getStatistics().getCheckUnknown() >= 1);
        assertThat(userChecks).hasValue(0);
        release.countDown();

        Exchange result = sending.get(20, TimeUnit.SECONDS);
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("slow-1");
        assertThat(userChecks).hasValue(0);
    }
}
