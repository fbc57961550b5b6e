package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.common.MixAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A consumer group's retry limit, set on the broker, governs gRPC consumers through the proxy. */
@ExtendWith(EmbeddedRocketMQExtension.class)
class ProxyDeadLetterTest {

    @Test
    void messageFailingEveryDeliveryGoesToDeadLetterTopicAfterMaxRetries(EmbeddedRocketMQ rocketMQ,
                                                                         RocketMQProxy proxy) throws Exception {
        String topic = TestClients.unique("grpc-dlq");
        String group = TestClients.unique("grpc-dlq-consumer");
        rocketMQ.createTopic(topic);
        rocketMQ.createConsumerGroup(group, 1);
        String deadLetterTopic = MixAll.getDLQTopic(group);
        List<Integer> attempts = new CopyOnWriteArrayList<>();

        try (PushConsumer consumer = GrpcClients.pushConsumer(proxy, group, topic, view -> {
                 attempts.add(view.getDeliveryAttempt());
                 return ConsumeResult.FAILURE;
             });
             Producer producer = GrpcClients.PROVIDER.newProducerBuilder()
                 .setClientConfiguration(GrpcClients.configuration(proxy)).setTopics(topic).build()) {
            producer.send(GrpcClients.PROVIDER.newMessageBuilder().setTopic(topic)
                .setBody("always fails".getBytes(StandardCharsets.UTF_8)).build());

            // 1 s back-off instead of the default 1 s, 5 s, 10 s, ...; the dead-letter topic appears with the message.
            await().atMost(Duration.ofSeconds(30))
                .until(() -> rocketMQ.broker().getMessageStore().getMaxOffsetInQueue(deadLetterTopic, 0) == 1);
            assertThat(attempts).containsExactly(1, 2);
        }
    }
}
