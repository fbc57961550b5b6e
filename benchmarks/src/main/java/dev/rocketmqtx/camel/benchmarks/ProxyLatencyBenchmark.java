package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import dev.rocketmqtx.camel.test.RocketMQProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.common.attribute.TopicMessageType;

/**
 * Send-to-delivery latency of a committed transaction through a RocketMQ 5 proxy, on its two ports. Over gRPC
 * ({@code endpoints}) the commit is a call the proxy answers, and the message is delivered at once. Over the proxy's
 * remoting port ({@code namesrvAddr} = the proxy) the proxy drops the client's own END_TRANSACTION (upstream
 * apache/rocketmq#8313), so the message waits for the broker's check, after the broker's transaction timeout; the
 * component's check answers COMMIT from its remembered outcome. A broker and proxy of their own, the broker with a
 * long transaction timeout (15 s by default) so that the difference shows; the consumers read from the broker
 * directly, so that only the producer's path differs.
 */
final class ProxyLatencyBenchmark {

    private static final long SPACING_MILLIS = 200;
    private static final long PROBE_TIMEOUT_SECONDS = 60;

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;

    ProxyLatencyBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        long started = System.nanoTime();
        long timeout = options.proxyLatencyTimeoutMillis;
        EmbeddedRocketMQ slow = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults()
                .transactionTimeOutMillis(timeout).brokerName("broker-latency").clusterName("LatencyCluster"));
        try {
            String grpcTopic = broker.name("latency-grpc");
            String remotingTopic = broker.name("latency-remoting");
            // Before the proxy starts: it caches what it learns about a topic.
            slow.createTopic(grpcTopic, TopicMessageType.TRANSACTION);
            slow.createTopic(remotingTopic, TopicMessageType.TRANSACTION);
            try (RocketMQProxy proxy = ProxyStarts.start(slow, report)) {
                measure(slow, proxy, grpcTopic, remotingTopic, timeout);
            }
        } finally {
            slow.close();
        }
        report.line("\nLatency section took " + Math.round((System.nanoTime() - started) / 1e9) + " s (a broker and"
                    + " a proxy of its own, started and stopped); system load average (1 min) at its end: "
                    + Report.loadAverage() + ".");
    }

    private void measure(EmbeddedRocketMQ slow, RocketMQProxy proxy, String grpcTopic, String remotingTopic,
                         long timeout) throws Exception {
        Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        String remotingGroup = broker.name("pg-latency-remoting");
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:grpc").to("rocketmq-tx:" + grpcTopic + "?endpoints=" + proxy.grpcEndpoints()
                                       + "&localTransaction=direct:local");
                from("direct:remoting").to("rocketmq-tx:" + remotingTopic + "?namesrvAddr=" + proxy.remotingAddress()
                                           + "&producerGroup=" + remotingGroup + "&localTransaction=direct:local");
                from("direct:local").process(exchange -> {
                });
                for (String topic : List.of(grpcTopic, remotingTopic)) {
                    from("rocketmq-tx:" + topic + "?namesrvAddr=" + slow.namesrvAddr() + "&consumerGroup="
                         + broker.name("cg-" + topic) + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                            .process(exchange -> deliveredAt.putIfAbsent(
                                    exchange.getMessage().getBody(String.class), System.nanoTime()));
                }
            }
        });
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            // A first transaction over gRPC: both paths' clients connected and the gRPC consumer ready after it. The
            // remoting path gets no probe: it would cost a transaction timeout, and its samples wait that long anyway.
            send(template, "direct:grpc", "grpc-probe");
            Poll.until("the probe message to be delivered", PROBE_TIMEOUT_SECONDS,
                    () -> deliveredAt.containsKey("grpc-probe"));

            int samples = options.proxyLatencySamples;
            long[] grpcSent = new long[samples];
            long[] remotingSent = new long[samples];
            double[] grpcCall = new double[samples];
            double[] remotingCall = new double[samples];
            for (int i = 0; i < samples; i++) {
                grpcSent[i] = System.nanoTime();
                send(template, "direct:grpc", "grpc-" + i);
                remotingSent[i] = System.nanoTime();
                grpcCall[i] = (remotingSent[i] - grpcSent[i]) / 1e6;
                send(template, "direct:remoting", "remoting-" + i);
                remotingCall[i] = (System.nanoTime() - remotingSent[i]) / 1e6;
                BrokerTarget.sleep(SPACING_MILLIS);
            }
            long interval = slow.broker().getBrokerConfig().getTransactionCheckInterval();
            // Bounded: twice what the remoting samples are expected to take, plus room for a loaded machine.
            long waitSeconds = (2 * (timeout + interval)) / 1000 + 30;
            try {
                Poll.until("every sample to be delivered", waitSeconds, () -> deliveredAt.size() == 1 + 2 * samples);
            } catch (IllegalStateException notAll) {
                // Reported below: which path's samples did not come is the finding.
            }
            report.heading("Latency through a RocketMQ 5 proxy: committed transaction, send to delivery");
            report.line("A broker of its own with transactionTimeOut " + timeout + " ms (check interval " + interval
                        + " ms) and a proxy of its own in front of it; " + samples + " samples per path, interleaved "
                        + SPACING_MILLIS + " ms apart; from the call that sends (the local transaction commits at"
                        + " once) to the delivery to a consumer route reading from the broker; waited at most "
                        + waitSeconds + " s.\n");
            report.header("path", "delivered", "min ms", "median ms", "max ms", "of it the send call, median ms",
                    "checks answered COMMIT");
            report.row("component over endpoints (gRPC)", count(deliveredAt, "grpc-", samples),
                    summary(deliveredAt, "grpc-", grpcSent), Report.f0(Ratios.median(grpcCall)),
                    checkCommits(context, grpcTopic));
            report.row("component, namesrvAddr = proxy remoting port", count(deliveredAt, "remoting-", samples),
                    summary(deliveredAt, "remoting-", remotingSent), Report.f0(Ratios.median(remotingCall)),
                    checkCommits(context, remotingTopic));
        } finally {
            context.close();
        }
    }

    private static void send(ProducerTemplate template, String uri, String body) {
        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw new IllegalStateException("Latency-section send failed", exchange.getException());
        }
        Object status = exchange.getMessage().getHeader(RocketMQTxConstants.STATUS);
        if (status != TransactionStatus.COMMIT) {
            throw new IllegalStateException("Latency-section transaction ended " + status);
        }
    }

    private static String count(Map<String, Long> deliveredAt, String prefix, int samples) {
        long delivered = deliveredAt.keySet().stream().filter(key -> key.startsWith(prefix) && !key.endsWith("probe"))
                .count();
        return delivered + " of " + samples;
    }

    /** Min, median and max in milliseconds over the samples that arrived, as three cells. */
    private static String summary(Map<String, Long> deliveredAt, String prefix, long[] sentAt) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < sentAt.length; i++) {
            Long at = deliveredAt.get(prefix + i);
            if (at != null) {
                millis.add((at - sentAt[i]) / 1e6);
            }
        }
        if (millis.isEmpty()) {
            return "- | - | -";
        }
        Collections.sort(millis);
        return Report.f0(millis.get(0)) + " | " + Report.f0(millis.get(millis.size() / 2)) + " | "
               + Report.f0(millis.get(millis.size() - 1));
    }

    private static long checkCommits(CamelContext context, String topic) {
        return context.getEndpoints().stream().filter(RocketMQTxEndpoint.class::isInstance)
                .map(RocketMQTxEndpoint.class::cast)
                .filter(e -> topic.equals(e.getConfiguration().getTopic())
                             && e.getConfiguration().getLocalTransaction() != null)
                .mapToLong(e -> e.getStatistics().getCheckCommit()).sum();
    }
}
