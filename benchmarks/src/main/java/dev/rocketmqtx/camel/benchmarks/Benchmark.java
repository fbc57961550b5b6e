package dev.rocketmqtx.camel.benchmarks;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Runs the chosen sections against one broker and collects their tables in one report. */
final class Benchmark {

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report = new Report();
    private int failedSections;

    Benchmark(BrokerTarget broker, BenchmarkOptions options) {
        this.broker = broker;
        this.options = options;
    }

    Report run() {
        long start = System.nanoTime();
        report.line("## camel-rocketmq-tx benchmark, " + Instant.now().truncatedTo(ChronoUnit.SECONDS));
        report.line("");
        report.line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        report.line("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                    + ", max heap " + Report.mib(Runtime.getRuntime().maxMemory()) + ", args "
                    + ManagementFactory.getRuntimeMXBean().getInputArguments());
        report.line("- broker: " + (broker.isEmbedded() ? "embedded in this JVM (EmbeddedRocketMQ)" : "external")
                    + ", name server " + broker.namesrvAddr());
        // Figures from a machine that other processes keep busy are not comparable with a quiet machine's.
        report.line("- system load average (1 min) at the start: " + Report.loadAverage());
        section("producer", () -> new ProducerBenchmark(broker, options, report).run());
        section("consumer", () -> new ConsumerBenchmark(broker, options, report).run());
        section("check", () -> new CheckPathBenchmark(broker, options, report).run());
        section("footprint", () -> new FootprintBenchmark(broker, options, report).run());
        section("grpc", () -> new GrpcBenchmark(broker, options, report).run());
        section("proxy-latency", () -> new ProxyLatencyBenchmark(broker, options, report).run());
        section("consistency", () -> new ConsistencyBenchmark(broker, options, report).run());
        report.line("\nTotal run time: " + Math.round((System.nanoTime() - start) / 1e9) + " s; system load average"
                    + " (1 min) at the end: " + Report.loadAverage());
        return report;
    }

    int failedSections() {
        return failedSections;
    }

    private void section(String name, Section section) {
        if (!options.runs(name)) {
            return;
        }
        try {
            section.run();
        } catch (Exception | AssertionError e) {
            // One broken section should not cost the figures of the others.
            failedSections++;
            report.line("\nSection " + name + " FAILED: " + e);
            e.printStackTrace();
        }
    }

    @FunctionalInterface
    private interface Section {
        void run() throws Exception;
    }
}
