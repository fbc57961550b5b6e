package dev.rocketmqtx.camel.transport;

import org.apache.rocketmq.common.message.Message;

/**
 * A half message the broker stored: the message as sent, and the broker's receipt, which a transport needs to end
 * the transaction later (at once, or after an early check).
 */
public abstract class HalfMessage {

    private final Message sent;
    private final long sentAt;
    private final long storedAt;

    protected HalfMessage(Message sent, long sentAt, long storedAt) {
        this.sent = sent;
        this.sentAt = sentAt;
        this.storedAt = storedAt;
    }

    /** The message as sent: body, tags, keys and properties. */
    public Message sent() {
        return sent;
    }

    /** When the producer sent it (epoch millis, the producer's clock): the half message's born time. */
    public long sentAt() {
        return sentAt;
    }

    /** When the send returned (epoch millis, the producer's clock): no earlier than the broker stored it. */
    public long storedAt() {
        return storedAt;
    }

    /** The transaction id: the client's unique id of the message, the same in the check and on the consumer. */
    public abstract String transactionId();

    /** The message id as consumers see it. */
    public abstract String messageId();

    /** The broker's answer to the send, e.g. SEND_OK. */
    public abstract String sendStatus();

    /** The queue the message will be delivered from, or -1 where the protocol does not say. */
    public abstract int queueId();

    /** The offset the broker gave the half message, or -1 where the protocol does not say. */
    public abstract long queueOffset();

    /** The broker that stored it, or null where the protocol does not say. */
    public abstract String brokerName();
}
