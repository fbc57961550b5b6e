package dev.rocketmqtx.camel.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * Ratios (and differences) of figures measured round by round. The median of the per-round ratios is what the
 * targets are judged on: the two contenders of a round ran seconds apart, and one round disturbed by another process
 * on the machine moves the median far less than it moves the ratio of the totals.
 */
final class Ratios {

    private Ratios() {
    }

    static double medianOfRoundRatios(List<Double> numerators, List<Double> denominators) {
        return median(roundRatios(numerators, denominators));
    }

    static double[] roundRatios(List<Double> numerators, List<Double> denominators) {
        return perRound(numerators, denominators, (numerator, denominator) -> numerator / denominator);
    }

    /** Per-round differences, minuend minus subtrahend, of values of the same rounds. */
    static double[] roundDifferences(List<Double> minuends, List<Double> subtrahends) {
        return perRound(minuends, subtrahends, (minuend, subtrahend) -> minuend - subtrahend);
    }

    private static double[] perRound(List<Double> left, List<Double> right, DoubleBinaryOperator combine) {
        int n = Math.min(left.size(), right.size());
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = combine.applyAsDouble(left.get(i), right.get(i));
        }
        return values;
    }

    /**
     * A confidence interval of the median that assumes nothing about how the values spread: the k-th smallest and
     * the k-th largest of n values enclose the true median with probability 1 - 2 P(Binomial(n, 1/2) < k). Returns
     * the narrowest such pair whose probability is at least {@code confidence}. Two contenders' medians a few
     * hundredths apart mean nothing when this interval is wider than that: it says whether a verdict against a
     * target could go the other way in the next run. With fewer than six values no pair reaches 95 %; then the
     * whole range is returned (it encloses the median with probability 1 - 2^(1-n), 87.5 % for four).
     */
    static double[] medianConfidenceInterval(double[] values, double confidence) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return new double[] { Double.NaN, Double.NaN };
        }
        int k = 1;
        double below = Math.pow(0.5, n); // P(Binomial(n, 1/2) < k) for k = 1
        double pj = below;
        for (int candidate = 2; candidate <= n / 2; candidate++) {
            pj = pj * (n - candidate + 2) / (candidate - 1); // P(Binomial = candidate - 1) from P(= candidate - 2)
            if (1 - 2 * (below + pj) < confidence) {
                break;
            }
            below += pj;
            k = candidate;
        }
        return new double[] { sorted[k - 1], sorted[n - k] };
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
