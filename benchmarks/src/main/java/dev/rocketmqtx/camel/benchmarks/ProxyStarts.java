package dev.rocketmqtx.camel.benchmarks;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.RocketMQProxy;

/**
 * Starts a RocketMQ proxy for a section, trying again when a start fails. On a crowded machine the proxy's own
 * start-up calls to the name server (a few seconds' timeout each) can time out and end its JVM; that says nothing
 * about what the section measures. Every failed attempt is written into the report.
 */
final class ProxyStarts {

    private static final int ATTEMPTS = 3;

    private ProxyStarts() {
    }

    static RocketMQProxy start(EmbeddedRocketMQ broker, Report report) {
        for (int attempt = 1; ; attempt++) {
            try {
                return RocketMQProxy.start(broker);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                String message = String.valueOf(e.getMessage());
                report.line("(Proxy start attempt " + attempt + " failed, trying again: "
                            + message.lines().limit(2).reduce((a, b) -> a + " / " + b).orElse("") + "; system load"
                            + " average (1 min) " + Report.loadAverage() + ")");
            }
        }
    }
}
