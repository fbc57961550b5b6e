package dev.rocketmqtx.camel;

import java.nio.charset.StandardCharsets;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Leaves a half message of a producer group that no one will end: sent by a raw producer of the group, which answers
 * UNKNOWN and then goes away, as an instance that crashed during its local transaction does. The broker's checks of
 * it reach the group's other producers.
 */
public final class UnendedHalfMessage {

    private UnendedHalfMessage() {
    }

    /**
     * @param transactionId the transaction id to give it (a copy of an existing transaction), or null for a new one
     * @return the transaction id of the half message
     */
    public static String leave(EmbeddedRocketMQ broker, String producerGroup, String topic, String body,
                               String transactionId) throws Exception {
        TransactionMQProducer raw = new TransactionMQProducer(producerGroup);
        raw.setNamesrvAddr(broker.namesrvAddr());
        raw.setInstanceName("unended-" + System.nanoTime());
        raw.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return LocalTransactionState.UNKNOW;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.UNKNOW;
            }
        });
        raw.start();
        try {
            Message message = new Message(topic, body.getBytes(StandardCharsets.UTF_8));
            if (transactionId != null) {
                MessageAccessor.putProperty(message, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, transactionId);
            }
            TransactionSendResult result = raw.sendMessageInTransaction(message, null);
            return message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) != null
                    ? message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX) : result.getMsgId();
        } finally {
            // Gone before the broker's first check: the group's other producers answer it.
            raw.shutdown();
        }
    }
}
