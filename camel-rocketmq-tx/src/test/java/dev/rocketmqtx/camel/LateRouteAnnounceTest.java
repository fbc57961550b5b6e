package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * A producer that could not load its topic's route at start-up (name server slow or unreachable, topic not yet
 * created) must still become checkable without sending anything: it may be the instance that has to resolve the
 * transactions of one that crashed.
 */
class LateRouteAnnounceTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();

    private final String topic = "late-route-" + ProcessHandle.current().pid();
    private final String producerUri = "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr()
                                       + "&producerGroup=pg-" + topic + "&localTransaction=direct:local";
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void instanceStartedBeforeItsTopicHadARouteAnswersChecksOnceTheRouteExists() throws Exception {
        try (CamelContext survivor = instance("COMMIT"); CamelContext shipping = new DefaultCamelContext()) {
            survivor.start(); // the topic does not exist yet: this instance cannot announce itself now

            BROKER.createTopic(topic);
            BROKER.createRetryTopic("cg-" + topic);
            shipping.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup=cg-" + topic)
                            .process(e -> delivered.add(e.getMessage().getBody(String.class)));
                }
            });
            shipping.start();
            // Another instance of the group sent order-1 and died before deciding: only the survivor, which never
            // sent, can answer its checks now.
            UnendedHalfMessage.leave(BROKER, "pg-" + topic, topic, "order-1", null);

            await().atMost(Duration.ofSeconds(60)).until(() -> delivered.contains("order-1"));
        }
    }

    /** An instance whose check answers the given status. */
    private CamelContext instance(String checkAnswer) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("check", (Processor) e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, checkAnswer));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri + "&checkProcessor=#check");
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
            }
        });
        return context;
    }
}
