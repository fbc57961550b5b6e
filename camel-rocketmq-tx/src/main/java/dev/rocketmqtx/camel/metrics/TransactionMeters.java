package dev.rocketmqtx.camel.metrics;

import dev.rocketmqtx.camel.RocketMQTxEndpoint;

/**
 * Publishes an endpoint's {@code TransactionStatistics} as Micrometer meters when Micrometer is on the classpath and
 * the Camel registry holds a {@code MeterRegistry}. Micrometer is an optional dependency: this class never names its
 * types, so the component loads and works without it; {@link MicrometerTransactionMeters} is loaded only once
 * Micrometer is known to be present.
 */
public final class TransactionMeters {

    private static final String METER_REGISTRY_CLASS = "io.micrometer.core.instrument.MeterRegistry";
    private static final boolean MICROMETER_PRESENT = isPresent();

    private TransactionMeters() {
    }

    private static boolean isPresent() {
        try {
            Class.forName(METER_REGISTRY_CLASS, false, TransactionMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Binds the endpoint's meters.
     *
     * @return what removes them again, or null when there is no Micrometer or no registry
     */
    public static AutoCloseable bind(RocketMQTxEndpoint endpoint) {
        return MICROMETER_PRESENT ? MicrometerTransactionMeters.bind(endpoint) : null;
    }
}
