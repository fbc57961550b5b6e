package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Two consumers draining the same pre-loaded messages, each drain in a new consumer group, alternating who drains
 * first; the figures and the ratio of the second to the first (the baseline), as the consumer section reports them.
 */
final class DrainComparison {

    @FunctionalInterface
    interface Drain {
        /** Drains the messages once, in a new consumer group; returns deliveries per second (see DrainCounter). */
        double run() throws Exception;
    }

    private DrainComparison() {
    }

    static void run(Report report, int warmupRounds, int rounds, String baselineName, Drain baseline,
                    String candidateName, Drain candidate, String ratioName) throws Exception {
        double[] base = new double[rounds];
        double[] cand = new double[rounds];
        for (int round = 0; round < warmupRounds; round++) {
            baseline.run();
            candidate.run();
        }
        for (int round = 0; round < rounds; round++) {
            // The first drain of a round may find colder pages.
            if (round % 2 == 0) {
                base[round] = baseline.run();
                cand[round] = candidate.run();
            } else {
                cand[round] = candidate.run();
                base[round] = baseline.run();
            }
        }
        report.header("contender", "msgs/s (all drains)", "per drain");
        report.row(baselineName, Report.f0(harmonicMean(base)), list(base));
        report.row(candidateName, Report.f0(harmonicMean(cand)), list(cand));
        double[] ratios = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            ratios[i] = cand[i] / base[i];
        }
        report.line("\n" + ratioName + ": " + Report.f3(Ratios.median(ratios)) + " median of rounds, "
                    + Report.f3(harmonicMean(cand) / harmonicMean(base)) + " over all drains");
    }

    /** Messages of all drains over their total time: every drain moves the same number of messages. */
    static double harmonicMean(double[] rates) {
        double seconds = 0;
        for (double rate : rates) {
            seconds += 1 / rate;
        }
        return rates.length / seconds;
    }

    private static String list(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(Report.f0(value));
        }
        return String.join(" / ", parts);
    }
}
