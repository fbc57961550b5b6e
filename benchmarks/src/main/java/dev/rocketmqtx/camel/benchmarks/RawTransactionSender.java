package dev.rocketmqtx.camel.benchmarks;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/** (b) The baseline the component is measured against: the raw transactional client, committing at once. */
final class RawTransactionSender implements Sender {

    private final TransactionMQProducer producer;
    private final String topic;

    RawTransactionSender(BrokerTarget broker, String topic) throws Exception {
        this(broker, topic, "pg-raw-tx");
    }

    RawTransactionSender(BrokerTarget broker, String topic, String group) throws Exception {
        this.topic = topic;
        producer = new TransactionMQProducer(broker.name(group));
        producer.setNamesrvAddr(broker.namesrvAddr());
        producer.setInstanceName(BrokerTarget.clientInstanceName("raw-tx"));
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
    }

    @Override
    public String id() {
        return "b";
    }

    @Override
    public String name() {
        return "b: raw transactional";
    }

    @Override
    public void send(byte[] body) throws Exception {
        TransactionSendResult result = producer.sendMessageInTransaction(new Message(topic, body), null);
        if (result.getLocalTransactionState() != LocalTransactionState.COMMIT_MESSAGE) {
            throw new IllegalStateException("Transaction ended " + result.getLocalTransactionState()
                                            + " (send " + result.getSendStatus() + ")");
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
