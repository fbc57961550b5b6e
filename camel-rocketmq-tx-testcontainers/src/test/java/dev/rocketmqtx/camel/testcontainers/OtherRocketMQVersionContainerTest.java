package dev.rocketmqtx.camel.testcontainers;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker of another RocketMQ version than the client's: its jars resolved from Maven repositories into an image of
 * its own, and the component's transactions work against it.
 */
class OtherRocketMQVersionContainerTest extends ContainerTestSupport {

    private static final String VERSION = "5.4.0";

    private static RocketMQContainer own;

    @Override
    protected RocketMQContainer broker() {
        return ownContainer();
    }

    private static synchronized RocketMQContainer ownContainer() {
        if (own == null) {
            RocketMQImage image = RocketMQImage.version(VERSION);
            RocketMQImage base = RocketMQImage.defaults();
            RocketMQContainer container = new RocketMQContainer(image.withBaseImage(base.baseImage()));
            container.start();
            own = container;
        }
        return own;
    }

    @AfterAll
    static void stopOwnContainer() {
        if (own != null) {
            own.stop();
        }
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(""));
                from("direct:local").log("saving ${body}");
                from(consumerUri("")).process(exchange -> record(exchange));
            }
        };
    }

    @Test
    void brokerRunsTheChosenVersion() {
        assertThat(broker.brokerRuntimeInfo()).containsEntry("brokerVersionDesc", "V5_4_0");
        assertThat(broker.getDockerImageName()).startsWith("rocketmq-tx/rocketmq:" + VERSION + "-");
    }

    @Test
    void committedTransactionIsDelivered() {
        Exchange result = send("commit-1");

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("commit-1");
    }
}
