package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Proves the fast, correct check settings: an UNKNOWN transaction is checked within seconds and delivered once. */
@ExtendWith(EmbeddedRocketMQExtension.class)
class TransactionCheckTest {

    @Test
    void unknownTransactionIsDeliveredOnceAfterCheckCommits(EmbeddedRocketMQ rocketMQ) throws Exception {
        String topic = TestClients.unique("tx");
        rocketMQ.createTopic(topic);
        AtomicInteger checks = new AtomicInteger();
        List<String> received = new CopyOnWriteArrayList<>();

        DefaultMQPushConsumer consumer = TestClients.consumer(rocketMQ, TestClients.unique("tx-consumer"));
        TransactionMQProducer producer = TestClients.transactionProducer(rocketMQ);
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
                    return LocalTransactionState.UNKNOW;
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt message) {
                    checks.incrementAndGet();
                    return LocalTransactionState.COMMIT_MESSAGE;
                }
            });
            producer.start();

            TransactionSendResult result = producer.sendMessageInTransaction(
                new Message(topic, "in doubt".getBytes(StandardCharsets.UTF_8)), null);

            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);
            // Timeout 1 s + check interval 1 s: the check comes within seconds; with the production
            // settings (6 s timeout, 60 s interval) this would take over a minute.
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("in doubt"));
            assertThat(checks.get()).isPositive();
            // With a slow op batch the resolved half message would be checked again and delivered twice.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> received.size() == 1);
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }
}
