package dev.rocketmqtx.camel.health;

import java.time.Duration;

import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reachable broker is not enough: a producer whose topic the name server does not know cannot send, so it is not
 * ready, and the reason names the topic.
 */
class UnknownTopicReadinessTest extends RocketMQTxTestSupport {

    private final String missingTopic = unique("missing");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to("rocketmq-tx:" + missingTopic + "?namesrvAddr=" + BROKER.namesrvAddr()
                                       + "&producerGroup=" + producerGroup + "&localTransaction=direct:local");
                from("direct:local").log("local transaction");
            }
        };
    }

    @Test
    void producerOfATopicWithoutRouteIsNotReady() {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);

        HealthCheck.Result result = await().atMost(Duration.ofSeconds(30))
                .until(() -> HealthCheckHelper.invokeReadiness(context).stream()
                        .filter(r -> r.getCheck().getId().equals(
                                "producer:rocketmq-tx-" + missingTopic + "-" + producerGroup))
                        .findFirst(), found -> found.isPresent())
                .orElseThrow();

        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage()).hasValueSatisfying(
                message -> assertThat(message).contains("has no route for topic " + missingTopic));
    }
}
