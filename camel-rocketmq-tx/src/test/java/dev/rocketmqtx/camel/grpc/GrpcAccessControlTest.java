package dev.rocketmqtx.camel.grpc;

import dev.rocketmqtx.camel.StartFailures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.security.OwnJvm;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import dev.rocketmqtx.camel.test.RocketMQProxy;
import dev.rocketmqtx.camel.test.RocketMQProxyConfig;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.rocketmq.common.action.Action;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A proxy that accepts TLS connections only, in front of a broker with authentication and authorization on: the
 * credentials and TLS setting reach the gRPC producer (its sends, its ends and the checks the proxy relays to it) and
 * consumer; wrong credentials or a plain connection fail the route's start, saying what to check and never showing the
 * secret key. Its own broker and proxy, hence a JVM of its own.
 */
@OwnJvm
class GrpcAccessControlTest extends CamelTestSupport {

    private static final String USER = "order-service";
    /** Random per run, so that finding it in a message cannot be a coincidence of a fixed test string. */
    private static final String SECRET = "order-secret-" + UUID.randomUUID();
    private static final String WRONG_SECRET = "not-the-secret-" + UUID.randomUUID();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults()
            .brokerName("grpc-acl-broker").accessControl(true));
    private static final RocketMQProxy PROXY = RocketMQProxy.start(BROKER,
            RocketMQProxyConfig.defaults().tlsMode(TlsMode.ENFORCING));

    private static final String PREFIX = "grpc-acl-";

    /**
     * Granted once, on a name prefix, before any client connects: the proxy caches each user's permissions, so a
     * grant made after a client of that user connected may be seen only after the cache's refresh.
     */
    static {
        BROKER.createUser(USER, SECRET);
        BROKER.grant(USER, "Topic:" + PREFIX + "*", Action.PUB, Action.SUB);
        BROKER.grant(USER, "Group:" + PREFIX + "*", Action.SUB);
    }

    private final String topic = PREFIX + NAMES.incrementAndGet();
    private final String consumerGroup = topic + "-cg";
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @BindToRegistry("commitCheck")
    private final Processor commitCheck = e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");

    GrpcAccessControlTest() {
        BROKER.createTopic(topic, TopicMessageType.TRANSACTION);
        BROKER.createConsumerGroup(consumerGroup, 2);
    }

    private static String uri(String topic, String options) {
        return "rocketmq-tx:" + topic + "?endpoints=" + PROXY.grpcEndpoints() + options;
    }

    private static String producerUri(String topic, boolean tls, String secretKey) {
        return uri(topic, "&useTls=" + tls + "&accessKey=" + USER + "&secretKey=RAW(" + secretKey + ")"
                          + "&localTransaction=direct:local&checkProcessor=#commitCheck");
    }

    /**
     * A topic of its own for a producer with other client settings: endpoints of one topic share one gRPC producer in
     * a JVM, and a route whose settings differ from it is refused before it connects.
     */
    private static String otherTopic() {
        String other = PREFIX + NAMES.incrementAndGet();
        BROKER.createTopic(other, TopicMessageType.TRANSACTION);
        return other;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(topic, true, SECRET));
                from("direct:local").filter(body().startsWith("unknown"))
                        .setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
                from(uri(topic, "&useTls=true&accessKey=" + USER + "&secretKey=RAW(" + SECRET + ")&consumerGroup="
                         + consumerGroup))
                        .process(e -> delivered.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    @Test
    void committedMessageReachesAnAuthenticatedConsumerOverTls() {
        Exchange sent = template.send("direct:send", e -> e.getMessage().setBody("order-1"));

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("order-1");
    }

    /** The proxy relays the broker's check to the authenticated producer, and takes its signed answer. */
    @Test
    void unknownOutcomeIsResolvedByTheCheckWithAuthenticationOn() {
        Exchange sent = template.send("direct:send", e -> e.getMessage().setBody("unknown-1"));

        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("unknown-1");
    }

    @Test
    void wrongSecretFailsTheRouteStartNamingTheAccessKeyButNotTheSecret() {
        assertThatThrownBy(() -> addProducerRoute(producerUri(otherTopic(), true, WRONG_SECRET)))
                .satisfies(e -> assertThat(StartFailures.messages(e))
                        .contains("check accessKey " + USER + ", its secretKey and its permissions")
                        .doesNotContain(WRONG_SECRET)
                        .doesNotContain(SECRET));
    }

    @Test
    void plainConnectionToATlsOnlyProxyFailsTheRouteStartSuggestingTls() {
        assertThatThrownBy(() -> addProducerRoute(producerUri(otherTopic(), false, SECRET)))
                .satisfies(e -> assertThat(StartFailures.messages(e))
                        .contains("UNAVAILABLE")
                        .contains("useTls=true")
                        .doesNotContain(SECRET));
    }

    private void addProducerRoute(String producerUri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:other").to(producerUri);
            }
        });
    }

    private void awaitDelivered(String body) {
        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains(body));
    }

}
