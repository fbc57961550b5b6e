package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Producer throughput, latency and the sending threads' CPU and allocation of (a) raw sync send, (b) raw
 * transactional send, (c) the rocketmq-tx route and (d) the same route to a minimal producer driving the raw client,
 * in one process against one broker. Rounds alternate the contenders in a balanced order, so that noise from other
 * processes on the machine and the broker's own drift (page cache, GC, compaction) hit all of them alike, and so
 * that no contender always follows the same other one (see {@link #order}).
 * Each round mode (long, short) runs its own rounds and reports its own tables.
 */
final class ProducerBenchmark {

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;

    ProducerBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        String topic = broker.createTopic("produce");
        byte[] body = Payload.of(options.messageSize);
        Map<String, Sender> senders = createSenders(topic);
        try {
            for (RoundMode mode : options.producerRoundModes()) {
                runMode(mode, new ArrayList<>(senders.values()), body);
            }
        } finally {
            for (Sender sender : senders.values()) {
                sender.close();
            }
        }
    }

    private Map<String, Sender> createSenders(String topic) throws Exception {
        Map<String, Sender> senders = new LinkedHashMap<>();
        for (String id : options.contenders) {
            Sender sender = switch (id) {
                case "a" -> new RawSyncSender(broker, topic);
                case "b" -> new RawTransactionSender(broker, topic);
                case "c" -> new CamelTransactionSender(broker, topic);
                case "d" -> new CamelRawClientSender(broker, topic, true);
                case "e" -> new CamelRawClientSender(broker, topic, false);
                case "f" -> CamelTransactionSender.withLocalTransactionProcessor(broker, topic);
                default -> throw new IllegalArgumentException("Unknown contender " + id);
            };
            senders.put(id, sender);
        }
        return senders;
    }

    private void runMode(RoundMode mode, List<Sender> senders, byte[] body) throws Exception {
        long started = System.nanoTime();
        report.heading("Producer, " + mode.name() + " rounds: " + options.messageSize
                       + " B messages, local transaction commits at once");
        report.line("Rounds of " + mode.roundSeconds() + " s, " + mode.warmupRounds() + " warm-up and "
                    + mode.rounds() + " measured per contender and sender count, contenders alternating. msgs/s:"
                    + " median of rounds; ratio: median of the per-round ratios to (b); sender CPU and allocation:"
                    + " per message, of the sending threads.\n");
        report.header("senders", "contender", "msgs/s", "ratio to b", "p50 ms", "p99 ms", "p99.9 ms",
                "sender CPU us/msg", "CPU - b us/msg", "sender alloc B/msg", "messages", "errors");
        Map<Integer, Map<String, SendStats>> bySenders = new LinkedHashMap<>();
        for (int threads : options.senders) {
            Map<String, SendStats> stats = AlternatingRounds.measure(mode, senders, threads, body);
            bySenders.put(threads, stats);
            SendStats b = stats.get("b");
            for (Sender sender : senders) {
                SendStats s = stats.get(sender.id());
                report.row(threads, sender.name(), Report.f0(s.medianMessagesPerSecond()),
                        b == null ? "-" : Report.f3(Ratios.medianOfRoundRatios(s.roundRates(), b.roundRates())),
                        Report.f3(s.percentileMillis(50)), Report.f3(s.percentileMillis(99)),
                        Report.f3(s.percentileMillis(99.9)), Report.f1(s.senderCpuMicrosPerMessage()),
                        b == null ? "-" : Report.f1(s.senderCpuMicrosPerMessage() - b.senderCpuMicrosPerMessage()),
                        Report.f0(s.senderAllocatedBytesPerMessage()), s.messages(), s.errors());
            }
        }
        summary(mode, bySenders);
        camelShareSplit(bySenders);
        processorLocalTransaction(mode, bySenders);
        report.line("\nProducer " + mode.name() + " rounds took " + Math.round((System.nanoTime() - started) / 1e9)
                    + " s; system load average (1 min) at their end: " + Report.loadAverage() + ".");
    }

    /**
     * The targets, and the component's cost over the raw client split into Camel's share (d over b: what a route to
     * any producer costs) and the component's own (c over d).
     */
    private void summary(RoundMode mode, Map<Integer, Map<String, SendStats>> bySenders) {
        report.line("");
        report.header("senders", "c/b msgs/s, median of rounds (target >= " + mode.ratioTarget() + ")",
                "c/b 95 % interval of the median", "c/b all rounds", "d/b median of rounds",
                "c/d median of rounds (95 % interval)", "c/a median of rounds", "p99 c - b ms (target <= 0.5)",
                "sender CPU c - b us/msg (target <= " + Report.f0(RoundMode.CPU_TARGET_MICROS) + ")",
                "c - b median of rounds (95 % interval)", "of it Camel's: d - b",
                "of it the component's: c - d (and by round: median, 95 % interval)", "alloc c - d B/msg");
        for (Map.Entry<Integer, Map<String, SendStats>> entry : bySenders.entrySet()) {
            SendStats a = entry.getValue().get("a");
            SendStats b = entry.getValue().get("b");
            SendStats c = entry.getValue().get("c");
            SendStats d = entry.getValue().get("d");
            String cb = "-";
            String cbInterval = "-";
            String cbAll = "-";
            String p99 = "-";
            String cpu = "-";
            String cpuRounds = "-";
            if (b != null && c != null) {
                cb = ratioAgainstTarget(c, b, mode);
                cbInterval = interval(c, b);
                cbAll = Report.f3(c.messagesPerSecond() / b.messagesPerSecond());
                double p99Diff = c.percentileMillis(99) - b.percentileMillis(99);
                p99 = Report.f3(p99Diff) + " " + Report.target(p99Diff <= 0.5);
                cpu = cpuAgainstTarget(c, b);
                cpuRounds = roundCpuDifference(c, b);
            }
            report.row(entry.getKey(), cb, cbInterval, cbAll, ratioOrDash(d, b),
                    ratioWithInterval(c, d),
                    ratioOrDash(c, a), p99, cpu, cpuRounds,
                    cpuDiffOrDash(d, b),
                    cpuDiffWithRounds(c, d),
                    c == null || d == null ? "-"
                            : Report.f0(c.senderAllocatedBytesPerMessage() - d.senderAllocatedBytesPerMessage()));
        }
    }

    /**
     * With contender (e): Camel's share split into calling the local-transaction route (d over e), which a local
     * transaction that is not a route would not pay, and the template, exchange and {@code direct:send} (e over b).
     */
    private void camelShareSplit(Map<Integer, Map<String, SendStats>> bySenders) {
        if (bySenders.values().stream().noneMatch(stats -> stats.containsKey("d") && stats.containsKey("e"))) {
            return;
        }
        report.line("");
        report.header("senders", "Camel's share d - b us/msg",
                "of it the local-transaction route: d - e (and by round: median, 95 % interval)",
                "of it template, exchange, direct:send: e - b (and by round)", "e/b median of rounds",
                "d/e median of rounds (95 % interval)");
        for (Map.Entry<Integer, Map<String, SendStats>> entry : bySenders.entrySet()) {
            SendStats b = entry.getValue().get("b");
            SendStats d = entry.getValue().get("d");
            SendStats e = entry.getValue().get("e");
            if (d == null || e == null) {
                continue;
            }
            report.row(entry.getKey(), cpuDiffOrDash(d, b), cpuDiffWithRounds(d, e), cpuDiffWithRounds(e, b),
                    ratioOrDash(e, b), ratioWithInterval(d, e));
        }
    }

    /**
     * With contender (f): the targets for a local transaction that is a Processor (localTransactionProcessor) instead
     * of a route, and what the route costs on top (c over f).
     */
    private void processorLocalTransaction(RoundMode mode, Map<Integer, Map<String, SendStats>> bySenders) {
        if (bySenders.values().stream().noneMatch(stats -> stats.containsKey("b") && stats.containsKey("f"))) {
            return;
        }
        report.line("");
        report.header("senders", "f/b msgs/s, median of rounds (target >= " + mode.ratioTarget() + ")",
                "f/b 95 % interval of the median",
                "sender CPU f - b us/msg (target <= " + Report.f0(RoundMode.CPU_TARGET_MICROS) + ")",
                "f - b median of rounds (95 % interval)", "the route instead: c - f (and by round)",
                "c/f median of rounds (95 % interval)");
        for (Map.Entry<Integer, Map<String, SendStats>> entry : bySenders.entrySet()) {
            SendStats b = entry.getValue().get("b");
            SendStats c = entry.getValue().get("c");
            SendStats f = entry.getValue().get("f");
            if (b == null || f == null) {
                continue;
            }
            report.row(entry.getKey(), ratioAgainstTarget(f, b, mode), interval(f, b), cpuAgainstTarget(f, b),
                    roundCpuDifference(f, b), cpuDiffWithRounds(c, f), ratioWithInterval(c, f));
        }
    }

    /** The median of the per-round throughput ratios of a contender to (b), and whether it meets the mode's target. */
    private static String ratioAgainstTarget(SendStats contender, SendStats b, RoundMode mode) {
        double ratio = Ratios.medianOfRoundRatios(contender.roundRates(), b.roundRates());
        return Report.f3(ratio) + " " + Report.target(ratio >= mode.ratioTarget());
    }

    /** A contender's sender CPU over (b)'s, per message, and whether it meets the CPU target. */
    private static String cpuAgainstTarget(SendStats contender, SendStats b) {
        double cpuDiff = contender.senderCpuMicrosPerMessage() - b.senderCpuMicrosPerMessage();
        return Report.f1(cpuDiff) + " " + Report.target(cpuDiff <= RoundMode.CPU_TARGET_MICROS);
    }

    private static String ratioOrDash(SendStats numerator, SendStats denominator) {
        return numerator == null || denominator == null ? "-"
                : Report.f3(Ratios.medianOfRoundRatios(numerator.roundRates(), denominator.roundRates()));
    }

    /** The median of the per-round ratios and, in brackets, its 95 % interval; "-" without both contenders. */
    private static String ratioWithInterval(SendStats numerator, SendStats denominator) {
        return numerator == null || denominator == null ? "-"
                : ratioOrDash(numerator, denominator) + " (" + interval(numerator, denominator) + ")";
    }

    /** Sender CPU of one over the other, over all rounds and by round; "-" without both contenders. */
    private static String cpuDiffWithRounds(SendStats more, SendStats less) {
        return more == null || less == null ? "-"
                : cpuDiffOrDash(more, less) + ", by round " + roundCpuDifference(more, less);
    }

    /** Where the median of the per-round ratios lies with 95 % confidence, from these rounds alone. */
    private static String interval(SendStats numerator, SendStats denominator) {
        double[] bounds = Ratios.medianConfidenceInterval(
                Ratios.roundRatios(numerator.roundRates(), denominator.roundRates()), 0.95);
        return Report.f3(bounds[0]) + " - " + Report.f3(bounds[1]);
    }

    /** The median of the per-round differences of sender CPU per message, and its 95 % interval. */
    private static String roundCpuDifference(SendStats more, SendStats less) {
        double[] differences = Ratios.roundDifferences(more.roundCpuMicros(), less.roundCpuMicros());
        double[] bounds = Ratios.medianConfidenceInterval(differences, 0.95);
        return Report.f1(Ratios.median(differences)) + " (" + Report.f1(bounds[0]) + " - " + Report.f1(bounds[1])
               + ")";
    }

    private static String cpuDiffOrDash(SendStats more, SendStats less) {
        return more == null || less == null ? "-"
                : Report.f1(more.senderCpuMicrosPerMessage() - less.senderCpuMicrosPerMessage());
    }

    /**
     * The contenders' order in a round: rows of a balanced Latin square (Williams design), so that over a block of
     * rounds (as many as contenders; twice that for an odd number) each contender goes first equally often and
     * follows each other contender equally often. Which contender ran just before matters with short rounds: the
     * one that follows a contender sharing its code (the Camel routes of c and d, the client of b, c and d) finds
     * that code's caches and branch history warm. A plain rotation would always put d after c.
     */
    static <T> List<T> order(List<T> list, int round) {
        int n = list.size();
        // First row 0, 1, n-1, 2, n-2, ...: every difference between neighbours occurs once.
        int[] first = new int[n];
        for (int k = 1, low = 1, high = n - 1; k < n; k++) {
            first[k] = k % 2 == 1 ? low++ : high--;
        }
        boolean reversed = n % 2 == 1 && (round / n) % 2 == 1;
        List<T> result = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            result.add(list.get((first[reversed ? n - 1 - k : k] + round) % n));
        }
        return result;
    }
}
