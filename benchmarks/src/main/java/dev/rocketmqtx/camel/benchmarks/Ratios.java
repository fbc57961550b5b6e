package dev.rocketmqtx.camel.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Ratios of rates measured round by round. The median of the per-round ratios is what the targets are judged on:
 * the two contenders of a round ran seconds apart, and one round disturbed by another process on the machine moves
 * the median far less than it moves the ratio of the totals.
 */
final class Ratios {

    private Ratios() {
    }

    static double medianOfRoundRatios(List<Double> numerators, List<Double> denominators) {
        int n = Math.min(numerators.size(), denominators.size());
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = numerators.get(i) / denominators.get(i);
        }
        return median(ratios);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
