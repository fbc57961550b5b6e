package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With the retry topic created up front and 1 s delay levels, a failed message comes back within seconds. */
@ExtendWith(EmbeddedRocketMQExtension.class)
class RedeliveryTest {

    @Test
    void failedMessageIsRedeliveredQuickly(EmbeddedRocketMQ rocketMQ) throws Exception {
        String topic = TestClients.unique("retry");
        String group = TestClients.unique("retry-consumer");
        rocketMQ.createTopic(topic);
        rocketMQ.createRetryTopic(group);
        List<Long> deliveries = new CopyOnWriteArrayList<>();

        DefaultMQPushConsumer consumer = TestClients.consumer(rocketMQ, group);
        DefaultMQProducer producer = TestClients.producer(rocketMQ);
        try {
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                deliveries.add(System.nanoTime());
                return deliveries.size() == 1 ? ConsumeConcurrentlyStatus.RECONSUME_LATER
                    : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            producer.start();

            producer.send(new Message(topic, "fails once".getBytes(StandardCharsets.UTF_8)));

            await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() >= 2);
            Duration gap = Duration.ofNanos(deliveries.get(1) - deliveries.get(0));
            // The first retry waits 1 s here; the production delay level would be 10 s, and without the
            // retry topic's route up front it could take up to 30 s more.
            assertThat(gap).isLessThan(Duration.ofSeconds(10));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }
}
