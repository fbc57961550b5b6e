package dev.rocketmqtx.camel.benchmarks;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interval printed beside a median of per-round ratios: the order statistics whose binomial coverage is the
 * narrowest still at least 95 %, whatever order the rounds came in.
 */
class MedianConfidenceIntervalTest {

    @Test
    void sixteenRoundsAreBoundedByTheFourthSmallestAndFourthLargest() {
        // P(Binomial(16, 1/2) <= 3) = 697/65536: coverage 97.9 %; one step narrower would be 92.3 %.
        double[] shuffled = { 9, 3, 16, 1, 12, 5, 14, 7, 2, 11, 6, 15, 8, 13, 10, 4 };

        assertThat(Ratios.medianConfidenceInterval(shuffled, 0.95)).containsExactly(4, 13);
    }

    @Test
    void ninetySixRoundsNarrowTheIntervalAroundTheMiddle() {
        double[] values = IntStream.rangeClosed(1, 96).asDoubleStream().toArray();

        // The 38th smallest and the 38th largest: coverage 96.8 %; the 39th would give 94.8 %.
        assertThat(Ratios.medianConfidenceInterval(values, 0.95)).containsExactly(38, 59);
    }

    @Test
    void tooFewRoundsForNinetyFivePercentGiveTheWholeRange() {
        assertThat(Ratios.medianConfidenceInterval(new double[] { 0.98, 1.02, 0.95, 1.01 }, 0.95))
                .containsExactly(0.95, 1.02);
    }
}
