package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/**
 * Consumer throughput: a raw push consumer and a rocketmq-tx consumer route each drain the same pre-loaded,
 * committed messages from the first offset, each drain in a new consumer group, alternating. Both run the
 * client's defaults the component also uses (20 consume threads, batches of one).
 */
final class ConsumerBenchmark {

    private static final long DRAIN_TIMEOUT_SECONDS = 300;

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;
    private final AtomicInteger groups = new AtomicInteger();

    ConsumerBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        String topic = broker.createTopic("consume");
        preload(topic);
        double[] raw = new double[options.consumerRounds];
        double[] camel = new double[options.consumerRounds];
        for (int round = 0; round < options.consumerWarmupRounds; round++) {
            drainRaw(topic);
            drainCamel(topic);
        }
        for (int round = 0; round < options.consumerRounds; round++) {
            // Alternate who drains first: the first drain of a round may find colder pages.
            if (round % 2 == 0) {
                raw[round] = drainRaw(topic);
                camel[round] = drainCamel(topic);
            } else {
                camel[round] = drainCamel(topic);
                raw[round] = drainRaw(topic);
            }
        }
        double rawRate = harmonicMean(raw);
        double camelRate = harmonicMean(camel);
        report.heading("Consumer: drain " + options.consumerMessages + " committed " + options.messageSize
                       + " B messages");
        report.line(options.consumerWarmupRounds + " warm-up and " + options.consumerRounds
                    + " measured drains each, alternating, new group per drain; rate over the middle 80% of deliveries.\n");
        report.header("contender", "msgs/s (all drains)", "per drain");
        report.row("raw DefaultMQPushConsumer", Report.f0(rawRate), list(raw));
        report.row("rocketmq-tx consumer route", Report.f0(camelRate), list(camel));
        double[] roundRatios = new double[raw.length];
        for (int i = 0; i < raw.length; i++) {
            roundRatios[i] = camel[i] / raw[i];
        }
        double ratio = Ratios.median(roundRatios);
        report.line("\nConsumer ratio rocketmq-tx / raw: " + Report.f3(ratio) + " median of rounds (target >= 0.95: "
                    + Report.target(ratio >= 0.95) + "), " + Report.f3(camelRate / rawRate) + " over all drains");
    }

    /** Committed transactional messages, sent by 8 raw transactional senders, then waits until all are stored. */
    private void preload(String topic) throws Exception {
        byte[] body = Payload.of(options.messageSize);
        int total = options.consumerMessages;
        try (RawTransactionSender sender = new RawTransactionSender(broker, topic)) {
            SendBatch.run(sender, 8, total, body);
        }
        // The commit is one-way: the real message is written a moment after the send returned.
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (broker.storedMessages(topic) < total) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Pre-loaded messages were not all committed: "
                                                + broker.storedMessages(topic) + " of " + total);
            }
            BrokerTarget.sleep(100);
        }
    }

    private double drainRaw(String topic) throws Exception {
        DrainCounter counter = new DrainCounter(options.consumerMessages);
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(broker.name("cg-raw-" + groups.incrementAndGet()));
        consumer.setNamesrvAddr(broker.namesrvAddr());
        consumer.setInstanceName(BrokerTarget.clientInstanceName("raw-consumer"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (int i = 0; i < messages.size(); i++) {
                counter.delivered();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            return counter.await(DRAIN_TIMEOUT_SECONDS);
        } finally {
            consumer.shutdown();
        }
    }

    private double drainCamel(String topic) throws Exception {
        DrainCounter counter = new DrainCounter(options.consumerMessages);
        String uri = "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr() + "&consumerGroup="
                     + broker.name("cg-camel-" + groups.incrementAndGet())
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET";
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).process(exchange -> counter.delivered());
                }
            });
            context.start();
            return counter.await(DRAIN_TIMEOUT_SECONDS);
        } finally {
            context.close();
        }
    }

    /** Messages of all drains over their total time: every drain moves the same number of messages. */
    private static double harmonicMean(double[] rates) {
        double seconds = 0;
        for (double rate : rates) {
            seconds += 1 / rate;
        }
        return rates.length / seconds;
    }

    private static String list(double[] values) {
        List<String> parts = new ArrayList<>();
        for (double value : values) {
            parts.add(Report.f0(value));
        }
        return String.join(" / ", parts);
    }
}
