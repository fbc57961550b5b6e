package dev.rocketmqtx.camel.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A baseline sender against a candidate, in every round mode and sender count the options ask for, alternating as
 * the producer section does; a table of each and the candidate's ratios to the baseline.
 */
final class PairedProducerRounds {

    private PairedProducerRounds() {
    }

    /**
     * @param title           heading of each mode's table, after "&lt;mode&gt; rounds: "
     * @param beforeEachRound runs before every round, outside the measured time
     */
    static void run(Report report, BenchmarkOptions options, String title, Sender baseline, Sender candidate,
                    byte[] body, Runnable beforeEachRound) throws Exception {
        for (RoundMode mode : options.producerRoundModes()) {
            long started = System.nanoTime();
            report.heading(title + ", " + mode.name() + " rounds");
            report.line("Rounds of " + mode.roundSeconds() + " s, " + mode.warmupRounds() + " warm-up and "
                        + mode.rounds() + " measured per contender and sender count, contenders alternating. msgs/s:"
                        + " median of rounds; sender CPU and allocation: per message, of the sending threads.\n");
            report.header("senders", "contender", "msgs/s", "p50 ms", "p99 ms", "p99.9 ms", "sender CPU us/msg",
                    "sender alloc B/msg", "messages", "errors");
            Map<Integer, Map<String, SendStats>> bySenders = new LinkedHashMap<>();
            for (int threads : options.senders) {
                Map<String, SendStats> stats = AlternatingRounds.measure(mode, List.of(baseline, candidate), threads,
                        body, beforeEachRound);
                bySenders.put(threads, stats);
                for (Sender sender : List.of(baseline, candidate)) {
                    SendStats s = stats.get(sender.id());
                    report.row(threads, sender.name(), Report.f0(s.medianMessagesPerSecond()),
                            Report.f3(s.percentileMillis(50)), Report.f3(s.percentileMillis(99)),
                            Report.f3(s.percentileMillis(99.9)), Report.f1(s.senderCpuMicrosPerMessage()),
                            Report.f0(s.senderAllocatedBytesPerMessage()), s.messages(), s.errors());
                }
            }
            report.line("");
            report.header("senders", "msgs/s ratio, median of rounds", "msgs/s ratio, all rounds", "p50 ratio",
                    "p99 ratio", "sender CPU ratio", "sender CPU difference us/msg");
            for (Map.Entry<Integer, Map<String, SendStats>> entry : bySenders.entrySet()) {
                SendStats b = entry.getValue().get(baseline.id());
                SendStats c = entry.getValue().get(candidate.id());
                report.row(entry.getKey(), Report.f3(Ratios.medianOfRoundRatios(c.roundRates(), b.roundRates())),
                        Report.f3(c.messagesPerSecond() / b.messagesPerSecond()),
                        Report.f3(c.percentileMillis(50) / b.percentileMillis(50)),
                        Report.f3(c.percentileMillis(99) / b.percentileMillis(99)),
                        Report.f3(c.senderCpuMicrosPerMessage() / b.senderCpuMicrosPerMessage()),
                        Report.f1(c.senderCpuMicrosPerMessage() - b.senderCpuMicrosPerMessage()));
            }
            report.line("\nRatios: " + candidate.name() + " / " + baseline.name() + ". " + mode.name()
                        + " rounds took " + Math.round((System.nanoTime() - started) / 1e9) + " s; system load average"
                        + " (1 min) at their end: " + Report.loadAverage() + ".");
        }
    }
}
