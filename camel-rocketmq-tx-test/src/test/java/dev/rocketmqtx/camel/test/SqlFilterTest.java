package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The broker has property filtering on, so SQL92 subscriptions work. */
@ExtendWith(EmbeddedRocketMQExtension.class)
class SqlFilterTest {

    @Test
    void sqlSubscriptionReceivesOnlyMatchingMessages(EmbeddedRocketMQ rocketMQ) throws Exception {
        String topic = TestClients.unique("sql");
        rocketMQ.createTopic(topic);
        List<String> received = new CopyOnWriteArrayList<>();

        DefaultMQPushConsumer consumer = TestClients.consumer(rocketMQ, TestClients.unique("sql-consumer"));
        DefaultMQProducer producer = TestClients.producer(rocketMQ);
        try {
            consumer.subscribe(topic, MessageSelector.bySql("color = 'red' AND size > 2"));
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            producer.start();

            producer.send(message(topic, "blue-5", "blue", 5));
            producer.send(message(topic, "red-1", "red", 1));
            producer.send(message(topic, "red-5", "red", 5));
            producer.send(message(topic, "red-9", "red", 9));

            await().atMost(Duration.ofSeconds(30)).until(() -> received.size() >= 2);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> received.size() == 2);
            assertThat(received).containsExactlyInAnyOrder("red-5", "red-9");
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    private static Message message(String topic, String body, String color, int size) {
        Message message = new Message(topic, body.getBytes(StandardCharsets.UTF_8));
        message.putUserProperty("color", color);
        message.putUserProperty("size", Integer.toString(size));
        return message;
    }
}
