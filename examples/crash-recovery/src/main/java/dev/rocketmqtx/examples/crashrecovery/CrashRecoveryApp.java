package dev.rocketmqtx.examples.crashrecovery;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;

/**
 * Runs the crash-recovery scenario against a broker started in this JVM (it outlives the killed instance, as a real
 * broker would) and prints the timeline. Exit code 0 when the order was delivered exactly once.
 */
public final class CrashRecoveryApp {

    private CrashRecoveryApp() {
    }

    public static void main(String[] args) {
        if (System.getProperty("rocketmq.client.rebalance.minInterval") == null) {
            System.setProperty("rocketmq.client.rebalance.minInterval", "2000");
        }
        int exitCode;
        try {
            // Not closed: a broker shutdown takes 10-18 s, and System.exit ends it with the demo.
            EmbeddedRocketMQ broker = CrashRecovery.startBroker();
            Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "crash-recovery-");
            CrashRecovery.Result result = CrashRecovery.run(broker.namesrvAddr(), workDir);
            if (result.duplicatesNotRouted() > 0) {
                System.out.printf("%d duplicate deliveries acknowledged without routing (idempotentRepository)%n",
                        result.duplicatesNotRouted());
            }
            System.out.printf("%s delivered %d time(s), %d row(s) in the database: %s%n", CrashRecovery.ORDER_ID,
                    result.deliveries(), result.rows(), result.exactlyOnce() ? "exactly once, OK" : "NOT exactly once");
            exitCode = result.exactlyOnce() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("The crash-recovery demo failed: " + e);
            e.printStackTrace();
            exitCode = 2;
        }
        // RocketMQ's Netty threads outlive the clients' shutdown; end the JVM explicitly.
        System.exit(exitCode);
    }
}
