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
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedRocketMQExtension.class)
class PlainMessagingTest {

    private final EmbeddedRocketMQ rocketMQ;

    PlainMessagingTest(EmbeddedRocketMQ rocketMQ) {
        this.rocketMQ = rocketMQ;
    }

    @Test
    void createdTopicHasRouteAtOnce() {
        String topic = TestClients.unique("route");

        rocketMQ.createTopic(topic, 2);

        assertThat(rocketMQ.namesrv().getRouteInfoManager().pickupTopicRouteData(topic)).isNotNull()
            .satisfies(route -> assertThat(route.getQueueDatas()).singleElement()
                .satisfies(queues -> assertThat(queues.getWriteQueueNums()).isEqualTo(2)));
        assertThat(rocketMQ.namesrvAddr()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void producerSendsAndPushConsumerReceives() throws Exception {
        String topic = TestClients.unique("plain");
        rocketMQ.createTopic(topic);
        List<String> received = new CopyOnWriteArrayList<>();

        DefaultMQPushConsumer consumer = TestClients.consumer(rocketMQ, TestClients.unique("plain-consumer"));
        DefaultMQProducer producer = TestClients.producer(rocketMQ);
        try {
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            producer.start();

            SendResult result = producer.send(new Message(topic, "hello".getBytes(StandardCharsets.UTF_8)));

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("hello"));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }
}
