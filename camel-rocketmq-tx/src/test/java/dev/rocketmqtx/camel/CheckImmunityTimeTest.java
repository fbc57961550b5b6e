package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.BindToRegistry;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * checkImmunityTime keeps the broker from checking a transaction before that many seconds, for local transactions
 * that may outlast the broker's transactionTimeOut (1 s here) and whose check could not yet tell.
 */
class CheckImmunityTimeTest extends RocketMQTxTestSupport {

    private static final int IMMUNITY_SECONDS = 8;

    /** When each body was first checked (System.nanoTime). */
    private final Map<String, Long> firstChecked = new ConcurrentHashMap<>();

    @BindToRegistry("recordingCheck")
    private final Processor recordingCheck = exchange -> {
        firstChecked.putIfAbsent(exchange.getMessage().getBody(String.class), System.nanoTime());
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.COMMIT);
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sendImmune").to(producerUri("&checkProcessor=#recordingCheck&checkImmunityTime="
                                                         + IMMUNITY_SECONDS).replace(producerGroup, producerGroup + "-immune"));
                from("direct:send").to(producerUri("&checkProcessor=#recordingCheck"));
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN));
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void brokerChecksNoEarlierThanTheImmunityTime() {
        long sentAt = System.nanoTime();
        template.sendBody("direct:sendImmune", "immune-1");
        send("plain-1");

        awaitDelivered("plain-1", "immune-1");
        assertThat(Duration.ofNanos(firstChecked.get("immune-1") - sentAt))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(IMMUNITY_SECONDS));
        assertThat(firstChecked.get("plain-1")).as("a transaction without immunity is checked first")
                .isLessThan(firstChecked.get("immune-1"));
    }
}
