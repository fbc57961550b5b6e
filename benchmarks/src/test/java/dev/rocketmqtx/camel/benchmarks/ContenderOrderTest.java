package dev.rocketmqtx.camel.benchmarks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Short rounds are only fair when no contender always runs right after the same other one: the one after finds
 * shared code warm. Over a block of rounds every contender must go first, and follow each other one, equally often.
 */
class ContenderOrderTest {

    @Test
    void fourContendersFollowEachOtherOnceInFourRounds() {
        assertBalanced(List.of("a", "b", "c", "d"), 4, 1);
    }

    @Test
    void threeContendersFollowEachOtherTwiceInSixRounds() {
        assertBalanced(List.of("a", "b", "c"), 6, 2);
    }

    private static void assertBalanced(List<String> contenders, int rounds, int expectedPerPair) {
        Map<String, Integer> pairs = new HashMap<>();
        Map<String, Integer> firsts = new HashMap<>();
        for (int round = 0; round < rounds; round++) {
            List<String> order = ProducerBenchmark.order(contenders, round);
            Set<String> distinct = new HashSet<>(order);
            assertThat(distinct).as("round %d runs every contender once", round).containsExactlyInAnyOrderElementsOf(
                    contenders);
            firsts.merge(order.get(0), 1, Integer::sum);
            for (int i = 1; i < order.size(); i++) {
                pairs.merge(order.get(i - 1) + order.get(i), 1, Integer::sum);
            }
        }
        int n = contenders.size();
        assertThat(pairs).hasSize(n * (n - 1)).allSatisfy((pair, count) -> assertThat(count).as(pair)
                .isEqualTo(expectedPerPair));
        assertThat(firsts).hasSize(n).allSatisfy((first, count) -> assertThat(count).isEqualTo(rounds / n));
    }
}
