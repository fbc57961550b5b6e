package dev.rocketmqtx.camel.producer;

/**
 * A local transaction that ran longer than localTransactionTimeout was rolled back before it could commit: by then a
 * check of its half message may already have answered ROLLBACK.
 */
public class LocalTransactionTimeoutException extends RuntimeException {

    public LocalTransactionTimeoutException(String message) {
        super(message);
    }
}
