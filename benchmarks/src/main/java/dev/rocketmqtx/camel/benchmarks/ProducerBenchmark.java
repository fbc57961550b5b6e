package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Producer throughput and latency of (a) raw sync send, (b) raw transactional send and (c) the rocketmq-tx route,
 * in one process against one broker. Rounds alternate the contenders and rotate who goes first, so that noise from
 * other processes on the machine and the broker's own drift (page cache, GC, compaction) hit all three alike.
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
        List<Sender> senders = List.of(new RawSyncSender(broker, topic), new RawTransactionSender(broker, topic),
                new CamelTransactionSender(broker, topic));
        try {
            report.heading("Producer: " + options.messageSize + " B messages, local transaction commits at once");
            report.line("Rounds of " + options.roundSeconds + " s, " + options.warmupRounds + " warm-up and "
                        + options.rounds + " measured per contender and sender count, alternating.\n");
            report.header("senders", "contender", "msgs/s", "p50 ms", "p99 ms", "p99.9 ms", "sender CPU us/msg",
                    "messages", "errors");
            for (int threads : options.senders) {
                Map<Sender, SendStats> stats = measure(senders, threads, body);
                for (Sender sender : senders) {
                    SendStats s = stats.get(sender);
                    report.row(threads, sender.name(), Report.f0(s.messagesPerSecond()),
                            Report.f3(s.percentileMillis(50)), Report.f3(s.percentileMillis(99)),
                            Report.f3(s.percentileMillis(99.9)), Report.f0(s.senderCpuMicrosPerMessage()),
                            s.messages(), s.errors());
                }
                ratios.put(threads, stats);
            }
            report.line("");
            report.header("senders", "c/b msgs/s, median of rounds (target >= 0.95)", "c/b all rounds",
                    "c/a median of rounds", "p99 c - b ms (target <= 0.5)", "sender CPU c - b us/msg");
            for (Map.Entry<Integer, Map<Sender, SendStats>> entry : ratios.entrySet()) {
                SendStats a = entry.getValue().get(senders.get(0));
                SendStats b = entry.getValue().get(senders.get(1));
                SendStats c = entry.getValue().get(senders.get(2));
                double cb = Ratios.medianOfRoundRatios(c.roundRates(), b.roundRates());
                double cbAll = c.messagesPerSecond() / b.messagesPerSecond();
                double ca = Ratios.medianOfRoundRatios(c.roundRates(), a.roundRates());
                double p99 = c.percentileMillis(99) - b.percentileMillis(99);
                report.row(entry.getKey(), Report.f3(cb) + " " + Report.target(cb >= 0.95), Report.f3(cbAll),
                        Report.f3(ca), Report.f3(p99) + " " + Report.target(p99 <= 0.5),
                        Report.f0(c.senderCpuMicrosPerMessage() - b.senderCpuMicrosPerMessage()));
            }
        } finally {
            for (Sender sender : senders) {
                sender.close();
            }
        }
    }

    private final Map<Integer, Map<Sender, SendStats>> ratios = new LinkedHashMap<>();

    private Map<Sender, SendStats> measure(List<Sender> senders, int threads, byte[] body) throws Exception {
        long roundNanos = (long) (options.roundSeconds * 1e9);
        for (int round = 0; round < options.warmupRounds; round++) {
            for (Sender sender : rotated(senders, round)) {
                LoadRound.run(sender, threads, roundNanos, body, new SendStats());
            }
        }
        Map<Sender, SendStats> stats = new LinkedHashMap<>();
        senders.forEach(sender -> stats.put(sender, new SendStats()));
        for (int round = 0; round < options.rounds; round++) {
            for (Sender sender : rotated(senders, round)) {
                LoadRound.run(sender, threads, roundNanos, body, stats.get(sender));
            }
        }
        return stats;
    }

    /** The contenders starting with a different one each round. */
    static <T> List<T> rotated(List<T> list, int round) {
        List<T> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            result.add(list.get((i + round) % list.size()));
        }
        return result;
    }
}
