package dev.rocketmqtx.camel.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.camel.CamelContext;

/**
 * The Micrometer side of {@link TransactionMeters}; only loaded when Micrometer is on the classpath.
 * <p>
 * Meters read the endpoint's counters when scraped (function counters and gauges), so a message costs nothing
 * more than the counter update it already makes. Every meter carries the tags {@code camelContext}, {@code topic},
 * {@code producerGroup} and {@code consumerGroup} ({@code none} when the endpoint has no such group).
 */
final class MicrometerTransactionMeters implements AutoCloseable {

    /** Camel's usual name for the application's meter registry, used when the registry holds several. */
    private static final String DEFAULT_REGISTRY_NAME = "metricsRegistry";

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private MicrometerTransactionMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static AutoCloseable bind(RocketMQTxEndpoint endpoint) {
        MeterRegistry registry = findRegistry(endpoint.getCamelContext());
        if (registry == null) {
            return null;
        }
        MicrometerTransactionMeters bound = new MicrometerTransactionMeters(registry);
        bound.register(endpoint, tags(endpoint));
        return bound;
    }

    private static MeterRegistry findRegistry(CamelContext context) {
        Set<MeterRegistry> registries = context.getRegistry().findByType(MeterRegistry.class);
        if (registries.size() == 1) {
            return registries.iterator().next();
        }
        return context.getRegistry().lookupByNameAndType(DEFAULT_REGISTRY_NAME, MeterRegistry.class);
    }

    private static Tags tags(RocketMQTxEndpoint endpoint) {
        RocketMQTxConfiguration configuration = endpoint.getConfiguration();
        return Tags.of("camelContext", endpoint.getCamelContext().getName(),
                "topic", configuration.getTopic(),
                "producerGroup", orNone(configuration.getProducerGroup()),
                "consumerGroup", orNone(configuration.getConsumerGroup()));
    }

    private static String orNone(String group) {
        return group == null || group.isEmpty() ? "none" : group;
    }

    private void register(RocketMQTxEndpoint endpoint, Tags tags) {
        TransactionStatistics statistics = endpoint.getStatistics();
        String transactions = "rocketmq.tx.transactions";
        String transactionsHelp = "Local transactions by the status they ended with";
        counter(transactions, transactionsHelp, tags.and("status", "commit"), statistics, s -> s.getCommitted());
        counter(transactions, transactionsHelp, tags.and("status", "rollback"), statistics, s -> s.getRolledBack());
        counter(transactions, transactionsHelp, tags.and("status", "unknown"), statistics, s -> s.getUnknown());
        counter("rocketmq.tx.local.transaction.failures", "Local transactions that failed with an exception", tags,
                statistics, s -> s.getLocalTransactionFailures());
        counter("rocketmq.tx.half.message.failures", "Half messages the broker did not store", tags, statistics,
                s -> s.getHalfMessageFailures());

        String checks = "rocketmq.tx.checks";
        String checksHelp = "Broker checks of unresolved transactions by the answer given";
        counter(checks, checksHelp, tags.and("answer", "commit"), statistics, s -> s.getCheckCommit());
        counter(checks, checksHelp, tags.and("answer", "rollback"), statistics, s -> s.getCheckRollback());
        counter(checks, checksHelp, tags.and("answer", "unknown"), statistics, s -> s.getCheckUnknown());
        meters.add(FunctionTimer.builder("rocketmq.tx.check.latency", statistics, s -> s.getChecks(),
                        s -> s.getCheckTotalNanos(), TimeUnit.NANOSECONDS)
                .description("Time to answer a broker check").tags(tags).register(registry));
        String earlyChecks = "rocketmq.tx.early.checks";
        String earlyChecksHelp = "Early checks the producer made itself (earlyCheckDelay) by the answer given";
        counter(earlyChecks, earlyChecksHelp, tags.and("answer", "commit"), statistics, s -> s.getEarlyCheckCommit());
        counter(earlyChecks, earlyChecksHelp, tags.and("answer", "rollback"), statistics,
                s -> s.getEarlyCheckRollback());
        counter(earlyChecks, earlyChecksHelp, tags.and("answer", "unknown"), statistics,
                s -> s.getEarlyCheckUnknown());
        meters.add(TimeGauge.builder("rocketmq.tx.check.latency.max", statistics, TimeUnit.MILLISECONDS,
                        s -> s.getCheckMaxMillis())
                .description("Longest time to answer a broker check").tags(tags).register(registry));

        String consumed = "rocketmq.tx.consumed";
        String consumedHelp = "Deliveries to the consumer by result (failures are redelivered; duplicates are"
                              + " acknowledged without routing)";
        counter(consumed, consumedHelp, tags.and("result", "success"), statistics, s -> s.getConsumed());
        counter(consumed, consumedHelp, tags.and("result", "failure"), statistics, s -> s.getConsumeFailures());
        counter(consumed, consumedHelp, tags.and("result", "duplicate"), statistics, s -> s.getConsumedDuplicates());

        meters.add(Gauge.builder("rocketmq.tx.in.flight", endpoint, e -> e.getInFlightCount())
                .description("Transactions of the producer group being decided or ended in this JVM now").tags(tags).register(registry));
    }

    private void counter(String name, String description, Tags tags, TransactionStatistics statistics,
                         ToDoubleFunction<TransactionStatistics> count) {
        meters.add(FunctionCounter.builder(name, statistics, count).description(description).tags(tags)
                .register(registry));
    }

    /** Removes the meters, so that a stopped endpoint no longer reports. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
