package dev.rocketmqtx.camel.grpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The transactional contract over the RocketMQ 5 gRPC protocol, through a real proxy: the same outcome table, check
 * order and consumer semantics as on the remoting protocol.
 */
class GrpcTransactionTest extends GrpcTestSupport {

    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> processorChecks = new CopyOnWriteArrayList<>();
    /** When the check processor first saw each body (System.nanoTime). */
    private final Map<String, Long> firstChecked = new ConcurrentHashMap<>();
    /** A second topic, whose producer answers checks with a processor instead of a route. */
    private final String processorTopic = topic + "-processor";

    GrpcTransactionTest() {
        BROKER.createTopic(processorTopic, TopicMessageType.TRANSACTION);
    }

    /** The check processor: "paid" commits, anything else rolls back. */
    @BindToRegistry("paymentCheck")
    private final Processor paymentCheck = e -> {
        String body = e.getMessage().getBody(String.class);
        processorChecks.add(body);
        firstChecked.putIfAbsent(body, System.nanoTime());
        e.getMessage().setHeader(RocketMQTxConstants.STATUS, body.startsWith("paid") ? "COMMIT" : "ROLLBACK");
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkUri=direct:check"));
                from("direct:sendCheckedByProcessor").to(producerUri("&checkProcessor=#paymentCheck&tags=p")
                        .replace(topic, processorTopic));

                from("direct:sendImmune").to(producerUri("&checkProcessor=#paymentCheck&tags=p&checkImmunityTime=8")
                        .replace(topic, processorTopic));

                from("direct:local")
                        .choice()
                        .when(body().startsWith("rollback")).markRollbackOnly()
                        .when(body().startsWith("exception")).throwException(new IllegalStateException("declined"))
                        .when(body().startsWith("slow")).process(e -> assertThat(release.await(30, TimeUnit.SECONDS))
                                .isTrue())
                        .when(body().contains("unknown")).setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"))
                        .end();

                // The check route: "paid" commits, anything else rolls back.
                from("direct:check").choice()
                        .when(body().convertToString().startsWith("paid"))
                        .setHeader(RocketMQTxConstants.STATUS, constant("COMMIT"))
                        .otherwise().setHeader(RocketMQTxConstants.STATUS, constant("ROLLBACK"));

                from(consumerUri("")).process(e -> {
                    String body = e.getMessage().getBody(String.class);
                    int attempt = attempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
                    if (body.startsWith("redeliver") && attempt == 1) {
                        throw new IllegalStateException("carrier unavailable");
                    }
                    record(e);
                });
            }
        };
    }

    @Test
    void committedTransactionIsDelivered() {
        Exchange sent = send("commit-1");

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("commit-1");
        Exchange received = deliveredExchanges.get(0);
        assertThat(received.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID))
                .isEqualTo(sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID));
        assertThat(received.getMessage().getHeader(RocketMQTxConstants.TOPIC)).isEqualTo(topic);
    }

    @Test
    void rolledBackTransactionIsNeverDelivered() {
        send("rollback-1");
        send("commit-2");

        awaitDelivered("commit-2");
        assertNeverDelivered("rollback-1");
    }

    @Test
    void unknownIsResolvedByTheCheckRoute() {
        send("paid-unknown-1");
        send("unpaid-unknown-1");

        awaitDelivered("paid-unknown-1");
        assertNeverDelivered("unpaid-unknown-1");
    }

    /** Starts a consumer of the check processor's topic; returns the bodies it receives. */
    private List<String> consumeProcessorTopic() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri("").replace(topic, processorTopic).replace(consumerGroup, consumerGroup + "-p"))
                        .process(e -> received.add(e.getMessage().getBody(String.class)));
            }
        });
        return received;
    }

    @Test
    void unknownIsResolvedByTheCheckProcessor() throws Exception {
        List<String> received = consumeProcessorTopic();

        template.sendBody("direct:sendCheckedByProcessor", "paid-unknown-2");

        await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("paid-unknown-2"));
        assertThat(processorChecks).contains("paid-unknown-2");
    }

    @Test
    void checkImmunityTimeReachesTheBrokerThroughTheProxy() throws Exception {
        List<String> received = consumeProcessorTopic();

        long sentAt = System.nanoTime();
        template.sendBody("direct:sendImmune", "paid-unknown-immune-1");
        template.sendBody("direct:sendCheckedByProcessor", "paid-unknown-3");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> received.containsAll(List.of("paid-unknown-3", "paid-unknown-immune-1")));
        assertThat(Duration.ofNanos(firstChecked.get("paid-unknown-immune-1") - sentAt))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(8));
        assertThat(firstChecked.get("paid-unknown-3")).as("a transaction without immunity is checked first")
                .isLessThan(firstChecked.get("paid-unknown-immune-1"));
    }

    @Test
    void exceptionFailsTheCallerAndRollsBack() {
        Exchange sent = send("exception-paid-1");

        assertThat(sent.getException()).hasMessageContaining("declined");
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        assertNeverDelivered("exception-paid-1");
    }

    @Test
    void checkDuringTheLocalTransactionAnswersUnknown() throws Exception {
        RocketMQTxEndpoint endpoint = producerEndpoint("&checkUri=direct:check");
        // Its check would roll it back: only the in-flight rule keeps it alive until the local transaction commits.
        CompletableFuture<Exchange> sending = CompletableFuture.supplyAsync(() -> send("slow-1"));

        await().atMost(Duration.ofSeconds(30)).until(() -> endpoint.getStatistics().getCheckUnknown() >= 1);
        release.countDown();

        assertThat(sending.get(20, TimeUnit.SECONDS).getMessage().getHeader(RocketMQTxConstants.STATUS))
                .isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("slow-1");
        assertThat(endpoint.getStatistics().getCheckRollback()).isZero();
    }

    @Test
    void failedConsumerRouteGetsTheMessageRedelivered() {
        send("redeliver-1");

        awaitDelivered("redeliver-1");
        assertThat(attempts.get("redeliver-1")).hasValue(2);
        assertThat(deliveredExchanges.get(0).getMessage().getHeader(RocketMQTxConstants.RECONSUME_TIMES)).isEqualTo(1);
    }
}
