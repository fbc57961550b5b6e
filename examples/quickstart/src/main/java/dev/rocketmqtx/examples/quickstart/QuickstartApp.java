package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;

/**
 * Runs the order service once and prints what happened. Uses the RocketMQ cluster at {@code -DnamesrvAddr=host:port}
 * (or the environment variable NAMESRV_ADDR); without one it starts a NameServer and Broker inside this JVM.
 * Exit code 0 when the orders delivered equal the orders saved, 1 otherwise.
 */
public final class QuickstartApp {

    private QuickstartApp() {
    }

    public static void main(String[] args) {
        // A fresh push consumer's first rebalance must not collide with its first heartbeat (a 30 s stall otherwise);
        // RocketMQ clients read this once, so it is set before any client exists.
        if (System.getProperty("rocketmq.client.rebalance.minInterval") == null) {
            System.setProperty("rocketmq.client.rebalance.minInterval", "2000");
        }
        int exitCode;
        try {
            exitCode = run() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("The quickstart failed: " + e);
            e.printStackTrace();
            exitCode = 2;
        }
        // RocketMQ's Netty threads outlive the clients' shutdown; end the JVM explicitly.
        System.exit(exitCode);
    }

    private static boolean run() throws Exception {
        String namesrvAddr = System.getProperty("namesrvAddr", System.getenv("NAMESRV_ADDR"));
        Duration checkWindow;
        Duration timeout;
        if (namesrvAddr == null || namesrvAddr.isBlank()) {
            EmbeddedRocketMQ broker = EmbeddedRocketMQ.shared();
            broker.createTopic("orders");
            broker.createRetryTopic("shipping");
            namesrvAddr = broker.namesrvAddr();
            System.out.println("Started an embedded RocketMQ NameServer and Broker at " + namesrvAddr);
            // The embedded broker checks after 1 s, every second.
            checkWindow = Duration.ofSeconds(4);
            timeout = Duration.ofSeconds(45);
        } else {
            System.out.println("Using the RocketMQ cluster at " + namesrvAddr + " (topic orders must exist)");
            // Broker defaults: transactionTimeOut 6 s, transactionCheckInterval 30 s (RocketMQ 5.5; 60 s in 4.x).
            checkWindow = Duration.ofSeconds(10);
            timeout = Duration.ofSeconds(150);
        }
        QuickstartReport report = QuickstartRun.run(namesrvAddr, checkWindow, timeout);
        System.out.println("Order service: 20 orders saved to the database and published to rocketmq-tx:orders");
        report.print(System.out);
        return report.consistent();
    }
}
