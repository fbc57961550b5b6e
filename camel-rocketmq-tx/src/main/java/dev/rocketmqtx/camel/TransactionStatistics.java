package dev.rocketmqtx.camel;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one endpoint: how its transactions ended, what its checks answered, what its consumer did. Cheap to
 * update from many threads; read by JMX and Micrometer.
 */
public final class TransactionStatistics {

    private final LongAdder committed = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder localTransactionFailures = new LongAdder();
    private final LongAdder halfMessageFailures = new LongAdder();
    private final LongAdder checkCommit = new LongAdder();
    private final LongAdder checkRollback = new LongAdder();
    private final LongAdder checkUnknown = new LongAdder();
    private final LongAdder earlyCheckCommit = new LongAdder();
    private final LongAdder earlyCheckRollback = new LongAdder();
    private final LongAdder earlyCheckUnknown = new LongAdder();
    private final LongAdder earlyChecksSkipped = new LongAdder();
    private final LongAdder checkNanos = new LongAdder();
    private final LongAccumulator checkNanosMax = new LongAccumulator(Math::max, 0);
    private final LongAdder consumed = new LongAdder();
    private final LongAdder consumeFailures = new LongAdder();
    private final LongAdder consumedDuplicates = new LongAdder();

    public void localTransactionEnded(TransactionStatus status, boolean failed) {
        switch (status) {
            case COMMIT -> committed.increment();
            case ROLLBACK -> rolledBack.increment();
            default -> unknown.increment();
        }
        if (failed) {
            localTransactionFailures.increment();
        }
    }

    public void halfMessageFailed() {
        halfMessageFailures.increment();
    }

    public void checked(TransactionStatus answer, long nanos) {
        switch (answer) {
            case COMMIT -> checkCommit.increment();
            case ROLLBACK -> checkRollback.increment();
            default -> checkUnknown.increment();
        }
        checkNanos.add(nanos);
        checkNanosMax.accumulate(nanos);
    }

    /** A check the producer made itself (earlyCheckDelay), not one the broker sent. */
    public void earlyChecked(TransactionStatus answer) {
        switch (answer) {
            case COMMIT -> earlyCheckCommit.increment();
            case ROLLBACK -> earlyCheckRollback.increment();
            default -> earlyCheckUnknown.increment();
        }
    }

    /** An early check that did not ask the user's check: a broker check decided the transaction first. */
    public void earlyCheckSkipped() {
        earlyChecksSkipped.increment();
    }

    public void consumed(boolean succeeded) {
        if (succeeded) {
            consumed.increment();
        } else {
            consumeFailures.increment();
        }
    }

    public long getCommitted() {
        return committed.sum();
    }

    public long getRolledBack() {
        return rolledBack.sum();
    }

    public long getUnknown() {
        return unknown.sum();
    }

    public long getLocalTransactionFailures() {
        return localTransactionFailures.sum();
    }

    public long getHalfMessageFailures() {
        return halfMessageFailures.sum();
    }

    /** Checks the broker sent (the producer's early checks are counted apart). */
    public long getChecks() {
        return checkCommit.sum() + checkRollback.sum() + checkUnknown.sum();
    }

    public long getCheckCommit() {
        return checkCommit.sum();
    }

    public long getCheckRollback() {
        return checkRollback.sum();
    }

    public long getCheckUnknown() {
        return checkUnknown.sum();
    }

    /** Early checks the producer made itself (earlyCheckDelay); not part of {@link #getChecks()}. */
    public long getEarlyChecks() {
        return earlyCheckCommit.sum() + earlyCheckRollback.sum() + earlyCheckUnknown.sum();
    }

    public long getEarlyCheckCommit() {
        return earlyCheckCommit.sum();
    }

    public long getEarlyCheckRollback() {
        return earlyCheckRollback.sum();
    }

    public long getEarlyCheckUnknown() {
        return earlyCheckUnknown.sum();
    }

    /** Early checks not made because a broker check was deciding or had decided the transaction. */
    public long getEarlyChecksSkipped() {
        return earlyChecksSkipped.sum();
    }

    /** Mean time to answer a check, in milliseconds (0 before the first check). */
    public double getCheckMeanMillis() {
        long checks = getChecks();
        return checks == 0 ? 0 : checkNanos.sum() / 1e6 / checks;
    }

    /** Total time spent answering checks, in nanoseconds. */
    public long getCheckTotalNanos() {
        return checkNanos.sum();
    }

    public double getCheckMaxMillis() {
        return checkNanosMax.get() / 1e6;
    }

    /** A delivery acknowledged without routing: its transaction was consumed before (idempotentRepository). */
    public void consumedDuplicate() {
        consumedDuplicates.increment();
    }

    public long getConsumedDuplicates() {
        return consumedDuplicates.sum();
    }

    public long getConsumed() {
        return consumed.sum();
    }

    /** Deliveries that failed and were returned to the broker for redelivery. */
    public long getConsumeFailures() {
        return consumeFailures.sum();
    }
}
