package dev.rocketmqtx.camel.benchmarks;

import java.util.function.BooleanSupplier;

/** Waits for a condition by polling, with a deadline. */
final class Poll {

    private Poll() {
    }

    static void until(String what, long timeoutSeconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up after " + timeoutSeconds + " s waiting for " + what);
            }
            BrokerTarget.sleep(20);
        }
    }
}
