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
 * Samples are spread over one check interval so that they meet the timer at different phases. A third path has the
 * producer check early (earlyCheckDelay), which does not wait for the broker's timer at all.
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
        String rawTopic = broker.createTopic("check-raw");
        Map<String, Long> deliveredAt = new ConcurrentHashMap<>();
        CamelContext context = new DefaultCamelContext();
        String common = "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(common + "&producerGroup=" + broker.name("pg-check")
                                       + "&localTransaction=direct:leaveUnknown&checkUri=direct:check");
                // The same, but the producer asks the check itself shortly after the UNKNOWN.
                from("direct:sendEarly").to(common + "&producerGroup=" + broker.name("pg-check-early")
                                            + "&localTransaction=direct:leaveUnknown&checkUri=direct:check"
                                            + "&earlyCheckDelay=" + options.earlyCheckDelayMillis);
                from("direct:leaveUnknown").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN));
                from("direct:check").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.COMMIT));
                from(common + "&consumerGroup=" + broker.name("cg-check") + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(exchange -> deliveredAt.putIfAbsent(exchange.getMessage().getBody(String.class),
                                System.nanoTime()));
            }
        });
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate();
             RawCheckPath raw = new RawCheckPath(broker, rawTopic, deliveredAt)) {
            long waitSeconds = Math.max(60, 5 * (timeout + interval) / 1000);
            // A first transaction through each path: consumers ready and check paths warm after it.
            send(template, "direct:send", "camel-probe");
            send(template, "direct:sendEarly", "early-probe");
            raw.send("raw-probe");
            Poll.until("the probe messages to be delivered", waitSeconds,
                    () -> deliveredAt.containsKey("camel-probe") && deliveredAt.containsKey("early-probe")
                          && deliveredAt.containsKey("raw-probe"));

            int samples = options.checkSamples;
            long[] camelSent = new long[samples];
            long[] rawSent = new long[samples];
            long[] earlySent = new long[samples];
            long spacing = Math.max(interval, 1000) / samples;
            for (int i = 0; i < samples; i++) {
                // Interleaved: the paths share the broker's one half queue and its check timer.
                send(template, "direct:send", "camel-" + i);
                camelSent[i] = System.nanoTime();
                raw.send("raw-" + i);
                rawSent[i] = System.nanoTime();
                send(template, "direct:sendEarly", "early-" + i);
                earlySent[i] = System.nanoTime();
                BrokerTarget.sleep(spacing);
            }
            Poll.until("every sample to be delivered", waitSeconds,
                    () -> deliveredAt.size() == 3 + 3 * samples);
            double[] camel = latencies(deliveredAt, "camel-", camelSent);
            double[] rawMillis = latencies(deliveredAt, "raw-", rawSent);
            double[] early = latencies(deliveredAt, "early-", earlySent);

            report.heading("Check path: UNKNOWN local transaction, committed by the check");
            report.line(samples + " samples per path, interleaved, spread over one check interval; from the send's"
                        + " return to the consumer's delivery.\n");
            long bound = timeout + interval + MARGIN_MILLIS;
            boolean known = timeout > 0 && interval > 0;
            report.line("Broker: transaction timeout " + (known ? timeout + " ms, check interval " + interval + " ms"
                    : "unknown (give --check-timeout-ms and --check-interval-ms)") + ".\n");
            report.header("path", "min ms", "median ms", "max ms", "target max <= " + (known ? bound + " ms" : "?"),
                    "check answered in (mean / max ms)");
            report.row("rocketmq-tx, checkUri route", Report.f0(camel[0]), Report.f0(camel[samples / 2]),
                    Report.f0(camel[samples - 1]), known ? Report.target(camel[samples - 1] <= bound) : "-",
                    checkTimes(context, "pg-check"));
            report.row("raw TransactionMQProducer", Report.f0(rawMillis[0]), Report.f0(rawMillis[samples / 2]),
                    Report.f0(rawMillis[samples - 1]), known ? Report.target(rawMillis[samples - 1] <= bound) : "-",
                    "-");
            report.row("rocketmq-tx, checkUri route, earlyCheckDelay=" + options.earlyCheckDelayMillis,
                    Report.f0(early[0]), Report.f0(early[samples / 2]), Report.f0(early[samples - 1]),
                    known ? Report.target(early[samples - 1] <= bound) : "-", checkTimes(context, "pg-check-early"));
        } finally {
            context.close();
        }
    }

    private static double[] latencies(Map<String, Long> deliveredAt, String prefix, long[] sentAt) {
        double[] millis = new double[sentAt.length];
        for (int i = 0; i < sentAt.length; i++) {
            millis[i] = (deliveredAt.get(prefix + i) - sentAt[i]) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    /** Mean and max time the producer endpoint of the group took to answer its checks. */
    private String checkTimes(CamelContext context, String group) {
        RocketMQTxEndpoint endpoint = context.getEndpoints().stream().filter(RocketMQTxEndpoint.class::isInstance)
                .map(RocketMQTxEndpoint.class::cast)
                .filter(e -> broker.name(group).equals(e.getConfiguration().getProducerGroup())).findFirst()
                .orElseThrow();
        return Report.f3(endpoint.getStatistics().getCheckMeanMillis()) + " / "
               + Report.f3(endpoint.getStatistics().getCheckMaxMillis());
    }

    private static void send(ProducerTemplate template, String uri, String body) {
        Exchange exchange = template.send(uri, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw new IllegalStateException("Check-path send failed", exchange.getException());
        }
    }
}
