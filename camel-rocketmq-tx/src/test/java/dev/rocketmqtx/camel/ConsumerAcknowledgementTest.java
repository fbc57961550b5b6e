package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.common.MixAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer acknowledges a message only when its exchange succeeded; failures are redelivered and, after
 * maxReconsumeTimes, end in the group's dead-letter topic.
 */
class ConsumerAcknowledgementTest extends RocketMQTxTestSupport {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<String> deadLetters = new CopyOnWriteArrayList<>();
    private final String dlqGroup = unique("dlq-reader");
    /** One queue: messages sent while its consumer is stopped reach it in order, in one batch. */
    private final String batchTopic = unique("batch");
    private final String batchGroup = unique("cg-batch");

    ConsumerAcknowledgementTest() {
        BROKER.createTopic(batchTopic, 1);
        BROKER.createRetryTopic(batchGroup);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(""));
                from("direct:local").log("saving ${body}");

                from(consumerUri("&maxReconsumeTimes=2&consumeMessageBatchMaxSize=8&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")).routeId("consumer")
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            int attempt = attempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
                            if (body.startsWith("fail-twice") && attempt <= 2) {
                                throw new IllegalStateException("shipping service unavailable");
                            }
                            if (body.startsWith("always-fail")) {
                                throw new IllegalStateException("poison message");
                            }
                            if (body.startsWith("rollback-once") && attempt == 1) {
                                e.setRollbackOnly(true);
                                return;
                            }
                            record(e);
                        });

                from("direct:sendBatch").to(producerUri("").replace(topic, batchTopic));
                from("rocketmq-tx:" + batchTopic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup="
                     + batchGroup + "&consumeMessageBatchMaxSize=8&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .routeId("batchConsumer").autoStartup(false)
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            int attempt = attempts.computeIfAbsent(body, b -> new AtomicInteger()).incrementAndGet();
                            if (body.startsWith("middle-fails-once") && attempt == 1) {
                                throw new IllegalStateException("shipping service unavailable");
                            }
                            record(e);
                        });

                from("rocketmq-tx:" + MixAll.getDLQTopic(consumerGroup) + "?namesrvAddr=" + BROKER.namesrvAddr()
                     + "&consumerGroup=" + dlqGroup).routeId("dlq").autoStartup(false)
                        .process(e -> deadLetters.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    @Test
    void routeThatFailsTwiceGetsTheMessageRedeliveredTwiceThenAcknowledges() {
        send("fail-twice-1");

        awaitDelivered("fail-twice-1");
        Exchange success = deliveredExchanges.get(0);
        assertThat(success.getMessage().getHeader(RocketMQTxConstants.RECONSUME_TIMES)).isEqualTo(2);
        assertThat(attempts.get("fail-twice-1")).hasValue(3);
        await().during(Duration.ofSeconds(3)).until(() -> attempts.get("fail-twice-1").get() == 3);
    }

    @Test
    void rollbackOnlyInTheConsumerRouteRedelivers() {
        send("rollback-once-1");

        awaitDelivered("rollback-once-1");
        assertThat(attempts.get("rollback-once-1")).hasValue(2);
    }

    @Test
    void messageThatAlwaysFailsEndsInTheDeadLetterTopic() throws Exception {
        send("always-fail-1");

        // first delivery plus maxReconsumeTimes=2 redeliveries, then the broker gives up on it
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.containsKey("always-fail-1")
                                                           && attempts.get("always-fail-1").get() >= 3);
        BROKER.createTopic(MixAll.getDLQTopic(consumerGroup), 1);
        context.getRouteController().startRoute("dlq");
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters.contains("always-fail-1"));
        assertThat(attempts.get("always-fail-1")).hasValue(3);
    }

    @Test
    void failureInTheMiddleOfABatchRedeliversThatMessageAndTheRestButNotTheOnesBefore() throws Exception {
        List<String> bodies = List.of("first-ok", "middle-fails-once", "last-after-failure");
        bodies.forEach(body -> template.sendBody("direct:sendBatch", body));

        context.getRouteController().startRoute("batchConsumer");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.containsAll(bodies));
        assertThat(attempts.get("middle-fails-once")).as("the failed message is redelivered").hasValue(2);
        assertThat(attempts.get("first-ok")).as("the one before it was acknowledged").hasValue(1);
        assertThat(attempts.get("last-after-failure")).as("the rest of the batch was returned unprocessed")
                .hasValue(1);
        await().during(Duration.ofSeconds(3)).until(() -> delivered.size() == 3);
    }

    @Test
    void everyMessageOfABatchIsProcessed() throws Exception {
        context.getRouteController().stopRoute("consumer");
        List<String> bodies = IntStream.range(0, 20).mapToObj(i -> "batch-" + i).toList();
        bodies.forEach(this::send);

        context.getRouteController().startRoute("consumer");

        await().atMost(Duration.ofSeconds(30)).until(() -> delivered.containsAll(bodies));
        assertThat(delivered).hasSize(20);
    }
}
