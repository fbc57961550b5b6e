package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A remoting {@code TransactionMQProducer} sending through a RocketMQ 5 proxy: the proxy drops the producer's own
 * commit (upstream apache/rocketmq#8313), so the broker's check alone decides the transaction.
 */
@ExtendWith(EmbeddedRocketMQExtension.class)
class ProxyRemotingTransactionTest {

    @Test
    void checkDecidesTransactionsTheProducerCommitted(EmbeddedRocketMQ rocketMQ, RocketMQProxy proxy)
        throws Exception {
        String topic = TestClients.unique("remoting-tx");
        rocketMQ.createTopic(topic, TopicMessageType.TRANSACTION);
        List<String> received = new CopyOnWriteArrayList<>();
        Map<String, Integer> checks = new ConcurrentHashMap<>();

        // Consumes from the broker directly: what is delivered does not depend on the proxy's consumer path.
        DefaultMQPushConsumer consumer = TestClients.consumer(rocketMQ, TestClients.unique("remoting-consumer"));
        TransactionMQProducer producer = new TransactionMQProducer(TestClients.unique("remoting-tx-producer"));
        producer.setNamesrvAddr(proxy.remotingAddress());
        try {
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
                messages.forEach(message -> received.add(new String(message.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            consumer.start();
            producer.setTransactionListener(new TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(Message message, Object argument) {
                    return LocalTransactionState.COMMIT_MESSAGE;
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt message) {
                    String body = new String(message.getBody(), StandardCharsets.UTF_8);
                    checks.merge(body, 1, Integer::sum);
                    return body.startsWith("rolled back") ? LocalTransactionState.ROLLBACK_MESSAGE
                        : LocalTransactionState.COMMIT_MESSAGE;
                }
            });
            producer.start();
            // The proxy announces a producer group to the broker for checks only once it has heard from the
            // group before its first send; a fresh producer heartbeats only to brokers it knows from routes.
            producer.getDefaultMQProducerImpl().getMqClientFactory().updateTopicRouteInfoFromNameServer(topic);
            producer.getDefaultMQProducerImpl().getMqClientFactory().sendHeartbeatToAllBrokerWithLock();

            assertThat(producer.sendMessageInTransaction(message(topic, "rolled back by the check"), null)
                .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(producer.sendMessageInTransaction(message(topic, "committed by the check"), null)
                .getSendStatus()).isEqualTo(SendStatus.SEND_OK);

            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("committed by the check"));
            assertThat(checks).containsKey("committed by the check");
            // The producer committed both; had the proxy passed that on, this one would have been delivered at once.
            await().atMost(Duration.ofSeconds(30)).until(() -> checks.containsKey("rolled back by the check"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> !received.contains("rolled back by the check"));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }
}
