package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;

/** Runs the local transaction of one half message on the caller's exchange and says how it ended. */
interface LocalTransaction {

    /**
     * @param transactionId the half message's transaction id
     * @param sentAt        when the half message was sent, on this JVM's clock
     */
    TransactionStatus run(Exchange exchange, String transactionId, long sentAt);
}
