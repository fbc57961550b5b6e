package dev.rocketmqtx.camel.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The check path with the raw client, as the baseline of the component's: the local transaction answers UNKNOW,
 * the check answers COMMIT, a raw push consumer records the delivery.
 */
final class RawCheckPath implements AutoCloseable {

    private final String topic;
    private final TransactionMQProducer producer;
    private final DefaultMQPushConsumer consumer;

    RawCheckPath(BrokerTarget broker, String topic, Map<String, Long> deliveredAt) throws Exception {
        this.topic = topic;
        producer = new TransactionMQProducer(broker.name("pg-check-raw"));
        producer.setNamesrvAddr(broker.namesrvAddr());
        producer.setInstanceName(BrokerTarget.clientInstanceName("check-raw"));
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        consumer = new DefaultMQPushConsumer(broker.name("cg-check-raw"));
        consumer.setNamesrvAddr(broker.namesrvAddr());
        consumer.setInstanceName(BrokerTarget.clientInstanceName("check-raw-consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            long now = System.nanoTime();
            for (MessageExt message : messages) {
                deliveredAt.putIfAbsent(new String(message.getBody(), StandardCharsets.UTF_8), now);
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
    }

    void send(String body) throws Exception {
        TransactionSendResult result = producer.sendMessageInTransaction(
                new Message(topic, body.getBytes(StandardCharsets.UTF_8)), null);
        if (result.getLocalTransactionState() != LocalTransactionState.UNKNOW) {
            throw new IllegalStateException("Raw check-path send ended " + result.getLocalTransactionState());
        }
    }

    @Override
    public void close() {
        consumer.shutdown();
        producer.shutdown();
    }
}
