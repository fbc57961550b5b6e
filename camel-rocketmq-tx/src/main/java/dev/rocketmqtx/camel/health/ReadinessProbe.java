package dev.rocketmqtx.camel.health;

import java.util.List;

/** Can a started producer or consumer reach what it needs right now? Asked only when a readiness check runs. */
@FunctionalInterface
public interface ReadinessProbe {

    /** @param timeoutMillis how long to wait for a remote answer */
    Outcome probe(long timeoutMillis);

    /** The result of one probe: reachable or not, why not, and the brokers (or proxies) that answered. */
    record Outcome(boolean reachable, String reason, List<String> brokers) {

        public static Outcome unreachable(String reason) {
            return new Outcome(false, reason, List.of());
        }

        public static Outcome reachable(List<String> brokers) {
            return new Outcome(true, null, brokers);
        }
    }
}
