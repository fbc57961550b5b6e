package dev.rocketmqtx.camel.testcontainers;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.awaitility.Awaitility.await;

/**
 * Base of the tests of the component against a broker in a container: the JVM's shared container (skipped without a
 * Docker engine unless one is required), fresh topic and group names for each test, and the consumer's deliveries.
 */
@ExtendWith(RocketMQContainerExtension.class)
abstract class ContainerTestSupport extends CamelTestSupport {

    /**
     * Longer than the broker's transaction timeout plus one check interval and a margin: a rolled-back message that
     * has not arrived after this will not arrive, because the broker has settled every half message by then.
     */
    static final Duration CHECK_WINDOW = Duration.ofSeconds(4);

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected final RocketMQContainer broker = broker();
    protected final String topic = unique("topic");
    protected final String producerGroup = unique("pg");
    protected final String consumerGroup = unique("cg");

    /** Bodies the consumer route received, in order. */
    protected final List<String> delivered = new CopyOnWriteArrayList<>();
    /** Exchanges the consumer route received, in order. */
    protected final List<Exchange> deliveredExchanges = new CopyOnWriteArrayList<>();

    protected ContainerTestSupport() {
        broker.createTopic(topic);
        broker.createRetryTopic(consumerGroup);
    }

    /** The container this class's tests use: the JVM's shared one unless a class needs one of its own. */
    protected RocketMQContainer broker() {
        return RocketMQContainerExtension.shared();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    /** A producer endpoint URI on this test's topic, with local transaction direct:local and extra options. */
    protected String producerUri(String options) {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr() + "&producerGroup=" + producerGroup
               + "&localTransaction=direct:local" + options;
    }

    /** A consumer endpoint URI on this test's topic with extra options. */
    protected String consumerUri(String options) {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr() + "&consumerGroup=" + consumerGroup
               + options;
    }

    protected void record(Exchange exchange) {
        deliveredExchanges.add(exchange);
        delivered.add(exchange.getMessage().getBody(String.class));
    }

    protected Exchange send(String body) {
        return send(body, Map.of());
    }

    protected Exchange send(String body, Map<String, Object> headers) {
        return template.send("direct:send", e -> {
            e.getMessage().setBody(body);
            e.getMessage().getHeaders().putAll(headers);
        });
    }

    protected void awaitDelivered(String... bodies) {
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.containsAll(List.of(bodies)));
    }

    /** Proves a body never arrives: it stays absent for the whole check window, not just for now. */
    protected void assertNeverDelivered(String body) {
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(5)).until(() -> !delivered.contains(body));
    }
}
