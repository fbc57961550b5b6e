package dev.rocketmqtx.camel.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readiness follows the broker: the endpoints point at a port where no name server listens yet, then a broker is
 * started on it and stopped again, and Camel's health API reports each state. A broker of its own, because stopping
 * the shared one would break every other test.
 * <p>
 * The consumer route is added only once the broker is up: a RocketMQ push consumer refuses to start while it cannot
 * load its topic's route. (It is added rather than started by hand because Camel leaves routes that do not start
 * automatically out of its consumer checks.)
 */
class ReadinessCheckTest extends CamelTestSupport {

    private static final String SECRET = "s3cr3t-value";

    private final int namesrvPort = freePort();
    private final String namesrvAddr = "127.0.0.1:" + namesrvPort;
    private final String topic = "readiness-" + ProcessHandle.current().pid();
    private EmbeddedRocketMQ broker;

    private final String connection = "?namesrvAddr=" + namesrvAddr + "&accessKey=reader&secretKey=" + SECRET;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").routeId("orders-out")
                        .to("rocketmq-tx:" + topic + connection
                            + "&producerGroup=ready-pg&localTransaction=direct:local");
                from("direct:local").log("local transaction");
            }
        };
    }

    private void addConsumerRoute() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketmq-tx:" + topic + connection + "&consumerGroup=ready-cg").routeId("orders-in")
                        .log("consumed");
            }
        });
    }

    /**
     * Producer checks are off in Camel unless the application turns them on, and by default Camel lists only the
     * checks that are not UP (or a single one when all are); full exposure lists every result.
     */
    @BeforeEach
    void enableHealthChecks() {
        HealthCheckHelper.getHealthCheckRepository(context, "producers").setEnabled(true);
        HealthCheckHelper.getHealthCheckRegistry(context).setExposureLevel("full");
    }

    @AfterEach
    void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void readinessIsDownWithoutBrokerUpWithItAndDownAgainWhenItStops() throws Exception {
        HealthCheck.Result producerDown = awaitState("producer:rocketmq-tx-", HealthCheck.State.DOWN);
        assertThat(producerDown.getMessage()).hasValueSatisfying(
                message -> assertThat(message).contains("Name server " + namesrvAddr + " is unreachable"));
        assertThat(producerDown.getDetails()).containsEntry("namesrvAddr", namesrvAddr)
                .containsEntry("topic", topic).containsEntry("producerGroup", "ready-pg");
        assertNoSecret(producerDown);

        broker = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults().namesrvPort(namesrvPort));
        broker.createTopic(topic);
        addConsumerRoute();

        HealthCheck.Result producerUp = awaitState("producer:rocketmq-tx-", HealthCheck.State.UP);
        HealthCheck.Result consumerUp = awaitState("consumer:orders-in", HealthCheck.State.UP);
        assertThat(String.valueOf(producerUp.getDetails().get("brokers"))).contains("broker-a@");
        assertThat(consumerUp.getDetails()).containsEntry("consumerGroup", "ready-cg");
        assertNoSecret(producerUp);
        assertNoSecret(consumerUp);

        broker.close();

        HealthCheck.Result producerDownAgain = awaitState("producer:rocketmq-tx-", HealthCheck.State.DOWN);
        HealthCheck.Result consumerDown = awaitState("consumer:orders-in", HealthCheck.State.DOWN);
        assertThat(producerDownAgain.getMessage()).isPresent();
        assertNoSecret(consumerDown);
        // Readiness only: a broker outage is no reason to restart the application.
        assertThat(HealthCheckHelper.invokeLiveness(context)).map(result -> result.getCheck().getId())
                .noneMatch(id -> id.startsWith("producer:rocketmq-tx-") || id.equals("consumer:orders-in"));
    }

    private HealthCheck.Result awaitState(String idPrefix, HealthCheck.State state) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> find(idPrefix), found -> found.isPresent() && found.get().getState() == state)
                .orElseThrow();
    }

    private Optional<HealthCheck.Result> find(String idPrefix) {
        Collection<HealthCheck.Result> results = HealthCheckHelper.invokeReadiness(context);
        return results.stream().filter(r -> r.getCheck().getId().startsWith(idPrefix)).findFirst();
    }

    private static void assertNoSecret(HealthCheck.Result result) {
        List<String> texts = result.getDetails().values().stream().map(String::valueOf).toList();
        assertThat(texts).noneMatch(text -> text.contains(SECRET));
        assertThat(result.getMessage().orElse("")).doesNotContain(SECRET);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
