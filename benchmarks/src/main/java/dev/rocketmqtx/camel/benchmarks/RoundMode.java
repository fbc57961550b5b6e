package dev.rocketmqtx.camel.benchmarks;

/**
 * How the producer contenders take turns. {@code long}: rounds of several seconds, the steady state of one sender
 * type. {@code short}: rounds of about a second, the contenders switching constantly, as different routes and
 * clients take turns on the cores of a real integration JVM, so that a longer code path also pays for its caches,
 * branch history and JIT profiles being refilled after the others ran.
 *
 * @param ratioTarget the throughput ratio of rocketmq-tx to the raw transactional client required in this mode
 */
record RoundMode(String name, int warmupRounds, int rounds, double roundSeconds, double ratioTarget) {

    static final String LONG = "long";
    static final String SHORT = "short";

    /** Sender CPU per transaction rocketmq-tx may spend over the raw transactional client, in both modes. */
    static final double CPU_TARGET_MICROS = 5;

    long roundNanos() {
        return (long) (roundSeconds * 1e9);
    }
}
