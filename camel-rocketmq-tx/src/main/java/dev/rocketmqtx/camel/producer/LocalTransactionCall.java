package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;

/**
 * What the producer hands through RocketMQ's {@code sendMessageInTransaction} to the listener: the exchange to run
 * the local transaction on, and afterwards whether it ran and how it ended. The client calls the listener in the
 * sending thread, so no synchronisation is needed.
 */
final class LocalTransactionCall {

    private final Exchange exchange;
    private TransactionStatus status;

    LocalTransactionCall(Exchange exchange) {
        this.exchange = exchange;
    }

    Exchange exchange() {
        return exchange;
    }

    void ended(TransactionStatus status) {
        this.status = status;
    }

    /** The local transaction's status, or {@code null} when it never ran (the half message was not stored). */
    TransactionStatus status() {
        return status;
    }
}
