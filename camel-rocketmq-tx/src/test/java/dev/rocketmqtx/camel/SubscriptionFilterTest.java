package dev.rocketmqtx.camel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Consumers choose what they receive by tag expression or by SQL92 over user properties.
 */
class SubscriptionFilterTest extends RocketMQTxTestSupport {

    private final List<String> express = new CopyOnWriteArrayList<>();
    private final List<String> large = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&tags=standard"));
                from("direct:local").log("saving ${body}");
                from(consumerUri("")).process(e -> record(e));
                from(consumerUri("&subscribeTags=RAW(express || overnight)").replace(consumerGroup, consumerGroup + "-tags"))
                        .process(e -> express.add(e.getMessage().getBody(String.class)));
                from(consumerUri("&subscribeSql=RAW(amount > 100)").replace(consumerGroup, consumerGroup + "-sql"))
                        .process(e -> large.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    @Test
    void tagAndSqlSubscriptionsReceiveOnlyWhatTheySelect() {
        send("small-standard", Map.of("amount", 5));
        send("large-express", Map.of("amount", 500, RocketMQTxConstants.TAGS, "express"));
        send("small-overnight", Map.of("amount", 50, RocketMQTxConstants.TAGS, "overnight"));
        send("large-standard", Map.of("amount", 101));

        awaitDelivered("small-standard", "large-express", "small-overnight", "large-standard");
        org.awaitility.Awaitility.await().until(() -> express.size() == 2 && large.size() == 2);
        assertThat(express).containsExactlyInAnyOrder("large-express", "small-overnight");
        assertThat(large).containsExactlyInAnyOrder("large-express", "large-standard");
    }
}
