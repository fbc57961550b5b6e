package dev.rocketmqtx.camel.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts deliveries of a drain and times the middle 80% of them: from the 10th to the 90th percentile delivery.
 * The consumer's start-up (rebalance, first pulls filling up) and the last stragglers are the same for both
 * contenders, are not what is compared, and in a drain of a second or two would otherwise weigh as much as the
 * steady rate.
 */
final class DrainCounter {

    private final int expected;
    private final int lowMark;
    private final int highMark;
    private final CountDownLatch done;
    private final AtomicInteger delivered = new AtomicInteger();
    private volatile long lowAt;
    private volatile long highAt;

    DrainCounter(int expected) {
        this.expected = expected;
        this.lowMark = Math.max(1, expected / 10);
        this.highMark = Math.max(lowMark + 1, expected - expected / 10);
        this.done = new CountDownLatch(expected);
    }

    void delivered() {
        int count = delivered.incrementAndGet();
        if (count == lowMark) {
            lowAt = System.nanoTime();
        } else if (count == highMark) {
            highAt = System.nanoTime();
        }
        done.countDown();
    }

    /** Deliveries per second over the middle of the drain, or a failure when not all arrived in time. */
    double await(long timeoutSeconds) throws InterruptedException {
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Only " + (expected - done.getCount()) + " of " + expected
                                            + " messages arrived in " + timeoutSeconds + " s");
        }
        long nanos = highAt - lowAt;
        return nanos <= 0 ? 0 : (highMark - lowMark) * 1e9 / nanos;
    }
}
