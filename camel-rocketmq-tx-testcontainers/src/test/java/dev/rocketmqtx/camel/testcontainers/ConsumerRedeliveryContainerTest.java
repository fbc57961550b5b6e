package dev.rocketmqtx.camel.testcontainers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A consumer route that fails gets the message again from the broker in the container, until it succeeds. */
class ConsumerRedeliveryContainerTest extends ContainerTestSupport {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(""));
                from("direct:local").log("saving ${body}");
                from(consumerUri("&maxReconsumeTimes=3")).process(exchange -> {
                    String body = exchange.getMessage().getBody(String.class);
                    if (attempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet() <= 2) {
                        throw new IllegalStateException("shipping service unavailable");
                    }
                    record(exchange);
                });
            }
        };
    }

    @Test
    void routeThatFailsTwiceGetsTheMessageTwiceMoreThenAcknowledgesIt() {
        send("order-1");

        awaitDelivered("order-1");
        assertThat(deliveredExchanges.get(0).getMessage().getHeader(RocketMQTxConstants.RECONSUME_TIMES)).isEqualTo(2);
        assertThat(attempts.get("order-1")).hasValue(3);
        // acknowledged: no fourth attempt over a few retry delays
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(8))
            .until(() -> attempts.get("order-1").get() == 3);
    }
}
