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
    void everyRemotingSectionRunsAgainstTheEmbeddedBrokerAndReportsItsTable() {
        BenchmarkOptions options = BenchmarkOptions.parse("--sections=producer,consumer,check,footprint",
                "--contenders=a,b,c,d,e,f", "--senders=1,2", "--warmup-rounds=0", "--rounds=1",
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
                    "| 2 | e: as d, no local-transaction route |", "of it the local-transaction route: d - e",
                    "| 1 | f: rocketmq-tx, Processor local transaction |", "the route instead: c - f",
                    "Consumer ratio rocketmq-tx / raw", "Check path", "heap per instance",
                    "| 100 |");
        }
    }

    @Test
    void grpcSectionComparesRawClientAndComponentThroughAProxyForProducerAndConsumer() {
        String report = runAlone("grpc", "--senders=1", "--round-modes=long", "--warmup-rounds=0", "--rounds=1",
                "--round-seconds=0.2", "--grpc-consumer-messages=50", "--consumer-warmup-rounds=0",
                "--consumer-rounds=1");

        assertThat(report).contains("gRPC producer", "| 1 | raw gRPC client |", "| 1 | component over endpoints |",
                "Ratios: component over endpoints / raw gRPC client", "| raw gRPC PushConsumer |",
                "| component gRPC consumer route |", "gRPC consumer ratio component / raw");
    }

    @Test
    void proxyLatencySectionDeliversTheSamplesOfBothProxyPorts() {
        String report = runAlone("proxy-latency", "--proxy-latency-samples=1", "--proxy-latency-timeout-ms=2000");

        assertThat(report).contains("| component over endpoints (gRPC) | 1 of 1 |",
                "| component, namesrvAddr = proxy remoting port | 1 of 1 |");
    }

    @Test
    void consistencySectionComparesRoutesWithAndWithoutTheRepositories() {
        String report = runAlone("consistency", "--senders=1", "--round-modes=long", "--warmup-rounds=0",
                "--rounds=1", "--round-seconds=0.2", "--consistency-messages=50", "--consumer-warmup-rounds=0",
                "--consumer-rounds=1");

        assertThat(report).contains("| 1 | transacted insert, no transactionLog |",
                "| 1 | transacted insert + transactionLog (JDBC) |",
                "| transacted insert + idempotentRepository (JDBC) |",
                "Consumer ratio with / without idempotentRepository");
    }

    /** Runs one section against the JVM's embedded broker; fails when the section failed. */
    private static String runAlone(String section, String... settings) {
        String[] args = new String[settings.length + 1];
        args[0] = "--sections=" + section;
        System.arraycopy(settings, 0, args, 1, settings.length);
        try (BrokerTarget broker = BrokerTarget.embedded(EmbeddedRocketMQ.shared(), "smoke-" + section)) {
            Benchmark benchmark = new Benchmark(broker, BenchmarkOptions.parse(args));
            String report = benchmark.run().text();
            assertThat(benchmark.failedSections()).as(report).isZero();
            return report;
        }
    }

    @Test
    void unknownSectionIsRejectedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchmarkOptions.parse("--sections=producer,grcp"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grcp");
    }

    @Test
    void unknownContenderIsRejectedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchmarkOptions.parse("--contenders=b,g"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--contenders=b,g");
    }

    @Test
    void unknownOptionIsRejectedWithItsName() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BenchmarkOptions.parse("--rouns=3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rouns");
    }
}
