package dev.rocketmqtx.camel.grpc;

import java.time.Duration;
import java.util.Collection;
import java.util.Optional;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQExtension;
import dev.rocketmqtx.camel.test.RocketMQProxy;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness over gRPC follows the proxy: UP while the endpoint accepts connections, DOWN once it does not. A proxy of
 * its own in front of the shared broker, because killing the shared one would break every other test.
 */
@ExtendWith(EmbeddedRocketMQExtension.class)
class GrpcReadinessTest extends CamelTestSupport {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final RocketMQProxy PROXY = RocketMQProxy.start(BROKER);

    private final String topic = "grpc-readiness-" + ProcessHandle.current().pid();
    private final String consumerGroup = topic + "-cg";

    GrpcReadinessTest() {
        BROKER.createTopic(topic, TopicMessageType.TRANSACTION);
        BROKER.createConsumerGroup(consumerGroup, 2);
    }

    @AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String connection = "rocketmq-tx:" + topic + "?endpoints=" + PROXY.grpcEndpoints();
                from("direct:send").routeId("orders-out").to(connection + "&localTransaction=direct:local");
                from("direct:local").log("local transaction");
                from(connection + "&consumerGroup=" + consumerGroup).routeId("orders-in").log("consumed");
            }
        };
    }

    /** As in the remoting test: producer checks on, and every result listed. */
    @BeforeEach
    void enableHealthChecks() {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckHelper.getHealthCheckRegistry(context).setExposureLevel("full");
    }

    @Test
    void readinessIsUpWhileTheProxyRunsAndDownOnceItIsGone() {
        HealthCheck.Result producerUp = awaitState("producer:rocketmq-tx-" + topic, HealthCheck.State.UP);
        HealthCheck.Result consumerUp = awaitState("consumer:orders-in", HealthCheck.State.UP);
        assertThat(producerUp.getDetails()).containsEntry("endpoints", PROXY.grpcEndpoints())
                .containsEntry("topic", topic).containsEntry("brokers", PROXY.grpcEndpoints());
        assertThat(consumerUp.getDetails()).containsEntry("endpoints", PROXY.grpcEndpoints())
                .containsEntry("consumerGroup", consumerGroup);

        PROXY.close();

        HealthCheck.Result producerDown = awaitState("producer:rocketmq-tx-" + topic, HealthCheck.State.DOWN);
        HealthCheck.Result consumerDown = awaitState("consumer:orders-in", HealthCheck.State.DOWN);
        assertThat(producerDown.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("No proxy endpoint is reachable: " + PROXY.grpcEndpoints()));
        assertThat(consumerDown.getMessage()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("No proxy endpoint is reachable: " + PROXY.grpcEndpoints()));
    }

    private HealthCheck.Result awaitState(String idPrefix, HealthCheck.State state) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(idPrefix), found -> found.isPresent() && found.get().getState() == state)
                .orElseThrow();
    }

    private Optional<HealthCheck.Result> find(String idPrefix) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith(idPrefix)).findFirst();
    }
}
