package dev.rocketmqtx.camel.health;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of one rocketmq-tx producer or consumer: DOWN while the name server cannot give the topic's route or no
 * master broker of the route accepts connections, UP otherwise.
 * <p>
 * The probe runs only when the check is called (by a health endpoint or {@code HealthCheckHelper}), never per
 * message, and waits at most {@link #PROBE_TIMEOUT_MILLIS} for the name server. It is a readiness check only (Camel's
 * default): a broker outage is a reason to take the application out of service, not to restart it. The details name
 * the name server, topic and group; credentials are never part of them.
 */
public final class RocketMQTxReadinessCheck extends AbstractHealthCheck {

    /** Longest wait for the name server's answer during one call of the check. */
    public static final long PROBE_TIMEOUT_MILLIS = 2000;

    private final ReadinessProbe probe;
    private final Map<String, Object> identity = new LinkedHashMap<>();

    private RocketMQTxReadinessCheck(String id, RocketMQTxConfiguration configuration, String groupKey, String group,
                                     ReadinessProbe probe) {
        super("camel", id);
        this.probe = probe;
        if (configuration.isGrpc()) {
            identity.put("endpoints", configuration.getEndpoints());
        } else {
            identity.put("namesrvAddr", configuration.getNamesrvAddr());
        }
        identity.put("topic", configuration.getTopic());
        if (configuration.getNamespace() != null && !configuration.getNamespace().isEmpty()) {
            identity.put("namespace", configuration.getNamespace());
        }
        if (group != null) {
            identity.put(groupKey, group);
        }
    }

    /**
     * The check of a producer.
     *
     * @param probe the producer's transport's probe
     */
    public static RocketMQTxReadinessCheck forProducer(RocketMQTxConfiguration configuration, ReadinessProbe probe) {
        return new RocketMQTxReadinessCheck(
                "producer:rocketmq-tx-" + configuration.getTopic()
                + (configuration.getProducerGroup() != null ? "-" + configuration.getProducerGroup() : ""),
                configuration, "producerGroup", configuration.getProducerGroup(), probe);
    }

    /**
     * The check of a consumer.
     *
     * @param probe the consumer's probe
     */
    public static RocketMQTxReadinessCheck forConsumer(String routeId, RocketMQTxConfiguration configuration,
                                                       ReadinessProbe probe) {
        return new RocketMQTxReadinessCheck("consumer:rocketmq-tx-" + routeId, configuration, "consumerGroup",
                configuration.getConsumerGroup(), probe);
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        identity.forEach(builder::detail);
        ReadinessProbe.Outcome outcome = probe.probe(PROBE_TIMEOUT_MILLIS);
        if (outcome.reachable()) {
            builder.detail("brokers", String.join(",", outcome.brokers()));
            builder.up();
        } else {
            builder.detail("reason", outcome.reason());
            builder.message(outcome.reason());
            builder.down();
        }
    }
}
