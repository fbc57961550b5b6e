package dev.rocketmqtx.camel.benchmarks;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build only proves that the harness runs end to end with a handful of messages; the figures come from running
 * it on purpose (docs/performance.md). Nothing here asserts a timing.
 */
class BenchmarkSmokeTest {

    @Test
    void everySectionRunsAgainstTheEmbeddedBrokerAndReportsItsTable() {
        BenchmarkOptions options = BenchmarkOptions.parse("--senders=1,2", "--warmup-rounds=0", "--rounds=1",
                "--round-seconds=0.2", "--short-warmup-rounds=0", "--short-rounds=1", "--short-round-seconds=0.1",
                "--consumer-messages=50", "--consumer-warmup-rounds=0", "--consumer-rounds=1",
                "--check-samples=1", "--endpoints=1", "--footprint-transactions=100", "--footprint-senders=2");
        try (BrokerTarget broker = BrokerTarget.embedded(EmbeddedRocketMQ.shared(), "smoke")) {
            Benchmark benchmark = new Benchmark(broker, options);
            String report = benchmark.run().text();

            assertThat(benchmark.failedSections()).as(report).isZero();
            assertThat(report).contains("Producer, long rounds", "Producer, short rounds",
                    "| 1 | c: rocketmq-tx route |", "| 2 | b: raw transactional |",
                    "| 1 | d: route to a minimal raw-client producer |", "of it Camel's: d - b",
                    "Consumer ratio rocketmq-tx / raw", "Check path", "heap per instance",
                    "| 100 |");
        }
    }

    @Test
    void unknownContenderIsRejectedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchmarkOptions.parse("--contenders=b,e"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--contenders=b,e");
    }

    @Test
    void unknownOptionIsRejectedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchmarkOptions.parse("--rouns=3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rouns");
    }
}
