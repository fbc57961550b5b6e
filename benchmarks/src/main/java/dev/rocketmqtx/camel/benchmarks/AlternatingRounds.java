package dev.rocketmqtx.camel.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rounds of one round mode at one sender count: warm-up rounds, then measured rounds, every contender once per
 * round in the balanced order of {@link ProducerBenchmark#order}. Shared by every section that compares senders.
 */
final class AlternatingRounds {

    private AlternatingRounds() {
    }

    static Map<String, SendStats> measure(RoundMode mode, List<Sender> senders, int threads, byte[] body)
            throws Exception {
        return measure(mode, senders, threads, body, () -> {
        });
    }

    /**
     * @param beforeEachRound runs before every round of every contender, outside the measured time (e.g. to empty a
     *                        table the senders fill, so that no contender meets a larger one than the others)
     */
    static Map<String, SendStats> measure(RoundMode mode, List<Sender> senders, int threads, byte[] body,
                                          Runnable beforeEachRound) throws Exception {
        for (int round = 0; round < mode.warmupRounds(); round++) {
            for (Sender sender : ProducerBenchmark.order(senders, round)) {
                beforeEachRound.run();
                LoadRound.run(sender, threads, mode.roundNanos(), body, new SendStats());
            }
        }
        Map<String, SendStats> stats = new LinkedHashMap<>();
        senders.forEach(sender -> stats.put(sender.id(), new SendStats()));
        for (int round = 0; round < mode.rounds(); round++) {
            for (Sender sender : ProducerBenchmark.order(senders, round)) {
                beforeEachRound.run();
                LoadRound.run(sender, threads, mode.roundNanos(), body, stats.get(sender.id()));
            }
        }
        return stats;
    }
}
