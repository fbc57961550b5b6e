package dev.rocketmqtx.camel.transaction;

/**
 * One database transaction around some work: the local-transaction route and its transaction log entry, or a
 * consumer route and its idempotency key. A {@code transacted()} inside the route joins it, so the work and the entry
 * commit or roll back together.
 */
public interface TransactionBoundary {

    /** Runs the work in a new transaction (or the caller's, when one is active and the propagation joins it). */
    <T> Result<T> run(Work<T> work);

    /** Names the transaction manager, for messages. */
    String description();

    /** The work inside the transaction. It asks for a rollback through {@code rollbackOnly}, or by throwing. */
    @FunctionalInterface
    interface Work<T> {
        T run(Runnable rollbackOnly) throws Exception;
    }

    /** How the transaction ended. */
    enum Ending {
        /** The commit succeeded. */
        COMMITTED,
        /** Rolled back (asked for, the work failed, or the commit found it marked rollback-only): nothing committed. */
        ROLLED_BACK,
        /** The commit itself failed: the database may or may not have committed. */
        COMMIT_FAILED
    }

    /**
     * @param value   what the work returned, or null when it threw
     * @param failure why it rolled back or the commit failed, or null
     */
    record Result<T>(T value, Ending ending, Exception failure) {
    }
}
