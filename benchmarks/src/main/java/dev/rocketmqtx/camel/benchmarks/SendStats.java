package dev.rocketmqtx.camel.benchmarks;

import org.HdrHistogram.Histogram;

/** What the measured rounds of one contender at one sender count add up to. */
final class SendStats {

    /** Latencies in nanoseconds, 3 significant digits, auto-resizing. */
    private final Histogram latencies = new Histogram(3);
    private long messages;
    private long errors;
    private long nanos;

    synchronized void add(long roundMessages, long roundErrors, long roundNanos, Histogram roundLatencies) {
        messages += roundMessages;
        errors += roundErrors;
        nanos += roundNanos;
        latencies.add(roundLatencies);
    }

    synchronized double messagesPerSecond() {
        return nanos == 0 ? 0 : messages * 1e9 / nanos;
    }

    synchronized double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    synchronized long messages() {
        return messages;
    }

    synchronized long errors() {
        return errors;
    }
}
