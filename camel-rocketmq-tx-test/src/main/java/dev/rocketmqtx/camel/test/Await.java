package dev.rocketmqtx.camel.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes (the test-scope Awaitility is not available here). */
final class Await {

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /**
     * Runs {@code attempt} then tests {@code done}, repeatedly, until {@code done} holds.
     *
     * @throws IllegalStateException naming {@code what} when the deadline passes first
     */
    static void until(String what, Duration timeout, Runnable attempt, BooleanSupplier done) {
        until(what, timeout, attempt, done, () -> "");
    }

    /** As {@link #until(String, Duration, Runnable, BooleanSupplier)}; {@code details} are added to the timeout message. */
    static void until(String what, Duration timeout, Runnable attempt, BooleanSupplier done, Supplier<String> details) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            attempt.run();
            if (done.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms waiting for " + what
                    + details.get());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    static void until(String what, Duration timeout, BooleanSupplier done) {
        until(what, timeout, () -> { }, done);
    }
}
