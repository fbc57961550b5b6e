package dev.rocketmqtx.camel.benchmarks;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts deliveries of a drain and times them from the first to the last: the consumer's start-up (rebalance, first
 * pull) is the same for both contenders and not what is compared.
 */
final class DrainCounter {

    private final int expected;
    private final CountDownLatch done;
    private final AtomicLong first = new AtomicLong();
    private volatile long last;

    DrainCounter(int expected) {
        this.expected = expected;
        this.done = new CountDownLatch(expected);
    }

    void delivered() {
        long now = System.nanoTime();
        first.compareAndSet(0, now);
        if (done.getCount() == 1) {
            last = now;
        }
        done.countDown();
    }

    /** Deliveries per second between the first and the last, or a failure when not all arrived in time. */
    double await(long timeoutSeconds) throws InterruptedException {
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Only " + (expected - done.getCount()) + " of " + expected
                                            + " messages arrived in " + timeoutSeconds + " s");
        }
        long nanos = last - first.get();
        return nanos <= 0 ? 0 : (expected - 1) * 1e9 / nanos;
    }
}
