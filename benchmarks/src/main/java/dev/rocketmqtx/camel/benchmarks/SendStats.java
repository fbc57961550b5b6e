package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;

/** What the measured rounds of one contender at one sender count add up to. */
final class SendStats {

    /** Latencies in nanoseconds, 3 significant digits, auto-resizing. */
    private final Histogram latencies = new Histogram(3);
    private long messages;
    private long errors;
    private long nanos;
    private long cpuNanos;
    private long allocatedBytes;
    private final List<Double> roundRates = new ArrayList<>();
    private final List<Double> roundCpuMicros = new ArrayList<>();

    synchronized void add(long roundMessages, long roundErrors, long roundNanos, Histogram roundLatencies,
                          long roundCpuNanos, long roundAllocatedBytes) {
        cpuNanos += roundCpuNanos;
        allocatedBytes += roundAllocatedBytes;
        messages += roundMessages;
        errors += roundErrors;
        nanos += roundNanos;
        latencies.add(roundLatencies);
        roundRates.add(roundNanos == 0 ? 0 : roundMessages * 1e9 / roundNanos);
        roundCpuMicros.add(roundMessages == 0 ? 0 : roundCpuNanos / 1e3 / roundMessages);
    }

    /** Messages per second of each measured round, in order. */
    synchronized List<Double> roundRates() {
        return List.copyOf(roundRates);
    }

    /** Sender CPU per message of each measured round, in microseconds, in order. */
    synchronized List<Double> roundCpuMicros() {
        return List.copyOf(roundCpuMicros);
    }

    /** The median of the rounds' rates: one round disturbed by another process hardly moves it. */
    synchronized double medianMessagesPerSecond() {
        return roundRates.isEmpty() ? 0 : Ratios.median(roundRates.stream().mapToDouble(Double::doubleValue).toArray());
    }

    synchronized double messagesPerSecond() {
        return nanos == 0 ? 0 : messages * 1e9 / nanos;
    }

    synchronized double percentileMillis(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1e6;
    }

    /** CPU time the sending threads spent per message, in microseconds. */
    synchronized double senderCpuMicrosPerMessage() {
        return messages == 0 ? 0 : cpuNanos / 1e3 / messages;
    }

    /** Bytes the sending threads allocated per message (the harness's own share is a few bytes). */
    synchronized double senderAllocatedBytesPerMessage() {
        return messages == 0 ? 0 : (double) allocatedBytes / messages;
    }

    synchronized long messages() {
        return messages;
    }

    synchronized long errors() {
        return errors;
    }
}
