package dev.rocketmqtx.camel.benchmarks;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The check path: the local transaction answers UNKNOWN, so only the broker's check can commit; the check route
 * answers COMMIT and a consumer route records the delivery. Measured from the send's return (half message stored,
 * UNKNOWN reported) to the delivery. The broker checks a half message once it is older than its transaction
 * timeout, on a timer of its check interval, so the bound is timeout + interval + the time to check and deliver.
 * Samples are spread over one check interval so that they meet the timer at different phases.
 */
final class CheckPathBenchmark {

    private static final long MARGIN_MILLIS = 200;

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;

    CheckPathBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        long timeout = broker.transactionTimeoutMillis(options);
        long interval = broker.transactionCheckIntervalMillis(options);
        String topic = broker.createTopic("check");
        Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        CamelContext context = new DefaultCamelContext();
        String common = "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(common + "&producerGroup=" + broker.name("pg-check")
                                       + "&localTransaction=direct:leaveUnknown&checkUri=direct:check");
                from("direct:leaveUnknown").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN));
                from("direct:check").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.COMMIT));
                from(common + "&consumerGroup=" + broker.name("cg-check") + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(exchange -> deliveredAt.putIfAbsent(exchange.getMessage().getBody(String.class),
                                System.nanoTime()));
            }
        });
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            long waitSeconds = Math.max(60, 5 * (timeout + interval) / 1000);
            // A first transaction through the whole path: the consumer is ready and the check route warm after it.
            send(template, "probe");
            Poll.until("the probe message to be delivered", waitSeconds, () -> deliveredAt.containsKey("probe"));

            long[] sentAt = new long[options.checkSamples];
            long spacing = Math.max(interval, 1000) / options.checkSamples;
            for (int i = 0; i < options.checkSamples; i++) {
                send(template, "sample-" + i);
                sentAt[i] = System.nanoTime();
                BrokerTarget.sleep(spacing);
            }
            Poll.until("every sample to be delivered", waitSeconds, () -> deliveredAt.keySet().stream().filter(k -> k.startsWith("sample-")).count()
                                 == options.checkSamples);
            double[] millis = new double[options.checkSamples];
            for (int i = 0; i < options.checkSamples; i++) {
                millis[i] = (deliveredAt.get("sample-" + i) - sentAt[i]) / 1e6;
            }
            Arrays.sort(millis);
            report.heading("Check path: UNKNOWN local transaction, committed by the check route");
            report.line(options.checkSamples + " samples spread over one check interval; from the send's return to"
                        + " the consumer route's delivery.\n");
            report.header("broker timeout + interval", "min ms", "median ms", "max ms", "target (max)",
                    "check answered by the component in (mean / max ms)");
            String bound = timeout > 0 && interval > 0 ? timeout + " + " + interval + " ms" : "unknown";
            String target = timeout > 0 && interval > 0
                    ? "<= " + (timeout + interval + MARGIN_MILLIS) + " ms: "
                      + Report.target(millis[millis.length - 1] <= timeout + interval + MARGIN_MILLIS)
                    : "give --check-timeout-ms and --check-interval-ms";
            report.row(bound, Report.f0(millis[0]), Report.f0(millis[millis.length / 2]),
                    Report.f0(millis[millis.length - 1]), target,
                    Report.f3(endpoint(context).getStatistics().getCheckMeanMillis()) + " / "
                    + Report.f3(endpoint(context).getStatistics().getCheckMaxMillis()));
        } finally {
            context.close();
        }
    }

    /** The producer endpoint (the one with a local transaction), whose statistics time the checks it answered. */
    private static RocketMQTxEndpoint endpoint(CamelContext context) {
        return context.getEndpoints().stream().filter(RocketMQTxEndpoint.class::isInstance)
                .map(RocketMQTxEndpoint.class::cast)
                .filter(e -> e.getConfiguration().getLocalTransaction() != null).findFirst().orElseThrow();
    }

    private static void send(ProducerTemplate template, String body) {
        Exchange exchange = template.send("direct:send", e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw new IllegalStateException("Check-path send failed", exchange.getException());
        }
    }
}
