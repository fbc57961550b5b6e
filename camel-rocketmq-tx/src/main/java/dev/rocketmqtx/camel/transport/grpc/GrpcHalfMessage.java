package dev.rocketmqtx.camel.transport.grpc;

import dev.rocketmqtx.camel.transport.HalfMessage;
import org.apache.rocketmq.client.apis.producer.SendReceipt;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.client.java.impl.producer.SendReceiptImpl;
import org.apache.rocketmq.common.message.Message;

/** A half message stored through a proxy: its transaction object is what ends it later, from any thread. */
final class GrpcHalfMessage extends HalfMessage {

    private final SendReceipt receipt;
    private final Transaction transaction;

    GrpcHalfMessage(Message sent, long sentAt, long storedAt, SendReceipt receipt, Transaction transaction) {
        super(sent, sentAt, storedAt);
        this.receipt = receipt;
        this.transaction = transaction;
    }

    Transaction transaction() {
        return transaction;
    }

    @Override
    public String transactionId() {
        return receipt.getMessageId().toString();
    }

    @Override
    public String messageId() {
        return receipt.getMessageId().toString();
    }

    @Override
    public String sendStatus() {
        return "SEND_OK";
    }

    // The client's receipt tells the queue and offset only through its implementation class.

    @Override
    public int queueId() {
        return receipt instanceof SendReceiptImpl impl ? impl.getMessageQueue().getQueueId() : -1;
    }

    @Override
    public long queueOffset() {
        return receipt instanceof SendReceiptImpl impl ? impl.getOffset() : -1;
    }

    @Override
    public String brokerName() {
        return receipt instanceof SendReceiptImpl impl ? impl.getMessageQueue().getBroker().getName() : null;
    }
}
