package dev.rocketmqtx.camel;

import java.util.Locale;

import org.apache.rocketmq.client.producer.LocalTransactionState;

/**
 * The outcome of a local transaction or of a check, in the names users write in routes.
 * <p>
 * RocketMQ's own enum spells these {@code COMMIT_MESSAGE}, {@code ROLLBACK_MESSAGE} and {@code UNKNOW}; both
 * spellings are accepted wherever a status is read, so code ported from the raw client keeps working.
 */
public enum TransactionStatus {

    /** The half message becomes visible to consumers. */
    COMMIT(LocalTransactionState.COMMIT_MESSAGE),
    /** The half message is discarded; no consumer ever sees it. */
    ROLLBACK(LocalTransactionState.ROLLBACK_MESSAGE),
    /** Undecided: the broker asks the producer group again later (the check). */
    UNKNOWN(LocalTransactionState.UNKNOW);

    private final LocalTransactionState rocketMQState;

    TransactionStatus(LocalTransactionState rocketMQState) {
        this.rocketMQState = rocketMQState;
    }

    public LocalTransactionState toLocalTransactionState() {
        return rocketMQState;
    }

    /** True for COMMIT and ROLLBACK: the outcomes that end a transaction. */
    public boolean isFinal() {
        return this != UNKNOWN;
    }

    public static TransactionStatus of(LocalTransactionState state) {
        return switch (state) {
            case COMMIT_MESSAGE -> COMMIT;
            case ROLLBACK_MESSAGE -> ROLLBACK;
            default -> UNKNOWN;
        };
    }

    /**
     * Reads a status from a header value: a {@code TransactionStatus}, a RocketMQ {@code LocalTransactionState}, or
     * the name of either (case-insensitive).
     *
     * @return the status, or {@code null} when the value is {@code null}
     * @throws IllegalArgumentException naming the value when it is none of these
     */
    public static TransactionStatus parse(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof TransactionStatus status) {
            return status;
        }
        if (value instanceof LocalTransactionState state) {
            return of(state);
        }
        String name = value.toString().trim().toUpperCase(Locale.ROOT);
        return switch (name) {
            case "COMMIT", "COMMIT_MESSAGE" -> COMMIT;
            case "ROLLBACK", "ROLLBACK_MESSAGE" -> ROLLBACK;
            case "UNKNOWN", "UNKNOW" -> UNKNOWN;
            default -> throw new IllegalArgumentException(
                    "Invalid transaction status '" + value + "' in header " + RocketMQTxConstants.STATUS
                                                          + ": expected COMMIT, ROLLBACK or UNKNOWN");
        };
    }
}
