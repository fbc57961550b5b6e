package dev.rocketmqtx.camel.transport.remoting;

import dev.rocketmqtx.camel.transport.HalfMessage;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

/** A half message stored through the remoting protocol: its full send result is what ends it later. */
final class RemotingHalfMessage extends HalfMessage {

    private final SendResult receipt;

    RemotingHalfMessage(Message sent, long sentAt, long storedAt, SendResult receipt) {
        super(sent, sentAt, storedAt);
        this.receipt = receipt;
    }

    SendResult receipt() {
        return receipt;
    }

    @Override
    public String transactionId() {
        return sent().getTransactionId();
    }

    @Override
    public String messageId() {
        return receipt.getMsgId();
    }

    @Override
    public String sendStatus() {
        return receipt.getSendStatus().name();
    }

    @Override
    public int queueId() {
        MessageQueue queue = receipt.getMessageQueue();
        return queue == null ? -1 : queue.getQueueId();
    }

    @Override
    public long queueOffset() {
        return receipt.getQueueOffset();
    }

    @Override
    public String brokerName() {
        MessageQueue queue = receipt.getMessageQueue();
        return queue == null ? null : queue.getBrokerName();
    }
}
