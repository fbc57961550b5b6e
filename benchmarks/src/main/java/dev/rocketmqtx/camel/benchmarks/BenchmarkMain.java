package dev.rocketmqtx.camel.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;

/**
 * Compares the rocketmq-tx component with the raw RocketMQ client in one process: producer throughput and latency,
 * consumer throughput, the check path and the heap. See docs/performance.md for how to run it and read it.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.List.of(args).contains("--help") || java.util.List.of(args).contains("-h")) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        prepareJvm();
        int exitCode;
        try (BrokerTarget broker = options.namesrvAddr != null
                ? BrokerTarget.external(options.namesrvAddr, options.runId)
                : BrokerTarget.embedded(EmbeddedRocketMQ.shared(), options.runId)) {
            Benchmark benchmark = new Benchmark(broker, options);
            Report report = benchmark.run();
            if (options.reportFile != null) {
                report.writeTo(options.reportFile);
                System.out.println("\nReport written to " + options.reportFile.toAbsolutePath());
            }
            exitCode = benchmark.failedSections() == 0 ? 0 : 1;
        }
        // RocketMQ's Netty threads and the embedded broker outlive everything else; the broker's shutdown alone would
        // take 10-18 s.
        System.exit(exitCode);
    }

    /**
     * Settings read once by RocketMQ, SLF4J and the JDK, so they must be set before any of their classes load: the
     * same as the project's tests use, with the broker's store and logs in a folder next to the jar.
     */
    private static void prepareJvm() throws IOException {
        // A fresh push consumer's first rebalance must not collide with its first heartbeat (a 30 s stall).
        System.setProperty("rocketmq.client.rebalance.minInterval",
                System.getProperty("rocketmq.client.rebalance.minInterval", "2000"));
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        if (System.getProperty("bench.workDir") == null && !Boolean.getBoolean("bench.keepHome")) {
            Path work = defaultWorkDir();
            Files.createDirectories(work.resolve("tmp"));
            System.setProperty("user.home", work.toString());
            System.setProperty("java.io.tmpdir", work.resolve("tmp").toString());
        } else if (System.getProperty("bench.workDir") != null) {
            Path work = Path.of(System.getProperty("bench.workDir")).toAbsolutePath();
            Files.createDirectories(work.resolve("tmp"));
            System.setProperty("user.home", work.toString());
            System.setProperty("java.io.tmpdir", work.resolve("tmp").toString());
        }
    }

    /** {@code bench-work} next to the jar (so under target/ after a build), else under the current folder. */
    private static Path defaultWorkDir() {
        try {
            Path code = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isRegularFile(code) ? code.getParent() : code;
            return dir.resolve("bench-work").toAbsolutePath();
        } catch (Exception e) {
            return Path.of("bench-work").toAbsolutePath();
        }
    }
}
