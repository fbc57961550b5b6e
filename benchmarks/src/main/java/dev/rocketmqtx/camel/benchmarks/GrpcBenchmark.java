package dev.rocketmqtx.camel.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.test.RocketMQProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.common.attribute.TopicMessageType;

/**
 * The RocketMQ 5 gRPC protocol: a real proxy (rocketmq-proxy, cluster mode, a JVM of its own) in front of the
 * embedded broker, and through it the raw gRPC client against the component over {@code endpoints}: producer
 * rounds (beginTransaction, send, commit; the local transaction does nothing) and consumer drains (raw push
 * consumer against a consumer route). The same proxy for both contenders; each producer its own TRANSACTION topic,
 * so that neither is asked the other's checks (the proxy sends a topic's checks to any producer of the topic).
 */
final class GrpcBenchmark {

    private static final long DRAIN_TIMEOUT_SECONDS = 300;
    /** The push consumer's default, which the component keeps (consumeThreadMax). */
    private static final int CONSUMPTION_THREADS = 20;

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;
    private final AtomicInteger groups = new AtomicInteger();

    GrpcBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        // Topics before the proxy starts: the proxy caches what it learns about a topic, "no such topic" included.
        String rawTopic = broker.createTopic("grpc-raw", TopicMessageType.TRANSACTION);
        String camelTopic = broker.createTopic("grpc-camel", TopicMessageType.TRANSACTION);
        String consumeTopic = broker.createTopic("grpc-consume", TopicMessageType.TRANSACTION);
        long starting = System.nanoTime();
        try (RocketMQProxy proxy = ProxyStarts.start(broker.embedded("grpc"), report)) {
            report.heading("gRPC through a RocketMQ 5 proxy");
            report.line("Proxy: rocketmq-proxy 5.5.0, cluster mode, own JVM, in front of the embedded broker; gRPC"
                        + " endpoints " + proxy.grpcEndpoints() + ", plain text; started in "
                        + Math.round((System.nanoTime() - starting) / 1e9) + " s; system load average (1 min) now "
                        + Report.loadAverage() + ".");
            produce(proxy, rawTopic, camelTopic);
            consume(proxy, consumeTopic);
        }
    }

    private void produce(RocketMQProxy proxy, String rawTopic, String camelTopic) throws Exception {
        byte[] body = Payload.of(options.messageSize);
        try (Sender raw = new RawGrpcTransactionSender(proxy.grpcEndpoints(), rawTopic);
             Sender camel = new CamelTransactionSender("grpc-component", "component over endpoints",
                     new DefaultCamelContext(), "rocketmq-tx:" + camelTopic + "?endpoints=" + proxy.grpcEndpoints()
                                                + "&localTransaction=direct:local",
                     CamelTransactionSender.emptyLocalTransaction())) {
            PairedProducerRounds.run(report, options, "gRPC producer: " + options.messageSize
                                                      + " B messages, local transaction commits at once", raw, camel,
                    body, () -> {
                    });
        }
    }

    private void consume(RocketMQProxy proxy, String topic) throws Exception {
        int messages = options.grpcConsumerMessages;
        preload(topic, messages);
        report.heading("gRPC consumer: drain " + messages + " committed " + options.messageSize
                       + " B messages through the proxy");
        report.line(options.consumerWarmupRounds + " warm-up and " + options.consumerRounds + " measured drains each,"
                    + " alternating, new group per drain (starting at the first message), " + CONSUMPTION_THREADS
                    + " consumption threads each; rate over the middle 80% of deliveries.\n");
        DrainComparison.run(report, options.consumerWarmupRounds, options.consumerRounds,
                "raw gRPC PushConsumer", () -> drainRaw(proxy, topic, messages),
                "component gRPC consumer route", () -> drainCamel(proxy, topic, messages),
                "gRPC consumer ratio component / raw");
    }

    /**
     * Committed transactional messages, sent straight to the broker with the remoting client (faster than through
     * the proxy, and what is drained does not depend on how it was sent).
     */
    private void preload(String topic, int messages) throws Exception {
        try (RawTransactionSender sender = new RawTransactionSender(broker, topic, "pg-grpc-preload")) {
            SendBatch.run(sender, 8, messages, Payload.of(options.messageSize));
        }
        Poll.until("the pre-loaded messages to be committed", 60, () -> storedAtLeast(topic, messages));
    }

    private boolean storedAtLeast(String topic, int messages) {
        try {
            return broker.storedMessages(topic) >= messages;
        } catch (Exception e) {
            return false;
        }
    }

    private double drainRaw(RocketMQProxy proxy, String topic, int messages) throws Exception {
        DrainCounter counter = new DrainCounter(messages);
        String group = broker.name("cg-grpc-raw-" + groups.incrementAndGet());
        broker.prepareGrpcConsumerGroup(group, topic);
        PushConsumer consumer = GrpcClients.PROVIDER.newPushConsumerBuilder()
                .setClientConfiguration(GrpcClients.configuration(proxy.grpcEndpoints()))
                .setConsumerGroup(group)
                .setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL))
                .setConsumptionThreadCount(CONSUMPTION_THREADS)
                .setMessageListener(view -> {
                    counter.delivered();
                    return ConsumeResult.SUCCESS;
                })
                .build();
        try {
            return counter.await(DRAIN_TIMEOUT_SECONDS);
        } finally {
            consumer.close();
        }
    }

    private double drainCamel(RocketMQProxy proxy, String topic, int messages) throws Exception {
        DrainCounter counter = new DrainCounter(messages);
        String group = broker.name("cg-grpc-camel-" + groups.incrementAndGet());
        broker.prepareGrpcConsumerGroup(group, topic);
        String uri = "rocketmq-tx:" + topic + "?endpoints=" + proxy.grpcEndpoints() + "&consumerGroup=" + group
                     + "&consumeThreadMax=" + CONSUMPTION_THREADS;
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
}
