package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Heap: retained per started producer endpoint (next to a raw transactional producer, which is most of it), and
 * heap after many transactions through one endpoint, which must level off once the remembered outcomes are full.
 * With the embedded broker the heap figures include the broker's, which shares this JVM.
 */
final class FootprintBenchmark {

    private static final int CHECKPOINTS = 10;
    /** Heap after the last checkpoint may exceed the first by this much and still count as no growth (GC noise). */
    private static final long GROWTH_TOLERANCE = 2L * 1024 * 1024;

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;

    FootprintBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        String topic = broker.createTopic("footprint");
        perEndpoint(topic);
        afterManyTransactions(topic);
    }

    /**
     * Every instance is started and has sent one transaction, so that it holds what a producer in use holds (topic
     * route, connections, buffers). One instance of each kind is made first and not counted, so that what only the
     * first instance of a JVM creates (component, type converters, shared client state) is not counted.
     */
    private void perEndpoint(String topic) throws Exception {
        int count = options.endpoints;
        byte[] body = Payload.of(options.messageSize);
        List<RawTransactionSender> raw = new ArrayList<>();
        raw.add(rawProducer(topic, 0, body));
        long before = Heap.usedAfterGc();
        for (int i = 1; i <= count; i++) {
            raw.add(rawProducer(topic, i, body));
        }
        long rawPer = (Heap.usedAfterGc() - before) / count;
        raw.forEach(RawTransactionSender::close);

        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:local").process(exchange -> {
                    });
                }
            });
            context.start();
            addCamelProducers(context, topic, 0, 1, body);
            long base = Heap.usedAfterGc();
            addCamelProducers(context, topic, 1, count + 1, body);
            long camelPer = (Heap.usedAfterGc() - base) / count;
            report.heading("Footprint: heap retained per producer in use, after GC (" + count + " of each)");
            report.header("producer (started, one transaction sent)", "heap per instance",
                    "difference (component, route, endpoint)");
            report.row("raw TransactionMQProducer, own client instance", Report.kib(rawPer), "-");
            report.row("rocketmq-tx producer endpoint and its route", Report.kib(camelPer),
                    Report.kib(camelPer - rawPer));
        } finally {
            context.close();
        }
    }

    private RawTransactionSender rawProducer(String topic, int i, byte[] body) throws Exception {
        RawTransactionSender producer = new RawTransactionSender(broker, topic, "pg-fp-raw-" + i);
        producer.send(body);
        return producer;
    }

    private void addCamelProducers(CamelContext context, String topic, int from, int to, byte[] body)
            throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                for (int i = from; i < to; i++) {
                    from("direct:fp-" + i).to("rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr()
                                              + "&producerGroup=" + broker.name("pg-fp-camel-" + i)
                                              + "&localTransaction=direct:local");
                }
            }
        });
        try (ProducerTemplate template = context.createProducerTemplate()) {
            for (int i = from; i < to; i++) {
                Exchange exchange = template.send("direct:fp-" + i, e -> e.getMessage().setBody(body));
                if (exchange.getException() != null) {
                    throw exchange.getException();
                }
            }
        }
    }

    private void afterManyTransactions(String topic) throws Exception {
        int total = options.footprintTransactions;
        int chunk = Math.max(1, total / CHECKPOINTS);
        CamelTransactionSender sender = new CamelTransactionSender(broker, topic);
        try {
            RocketMQTxEndpoint endpoint = sender.endpoint();
            byte[] body = Payload.of(options.messageSize);
            report.heading("Footprint: heap after GC while " + total + " transactions pass one endpoint ("
                           + options.footprintSenders + " senders)");
            report.header("transactions", "heap used", "remembered outcomes", "in flight");
            // One transaction first, so that the client's connections and the route exist: the checkpoints then
            // show what transactions add, the remembered outcomes filling up to their bound and nothing after.
            SendBatch.run(sender, 1, 1, body);
            long start = Heap.usedAfterGc();
            report.row(1, Report.mib(start), endpoint.getLedger().rememberedCount(),
                    endpoint.getLedger().inFlightCount());
            long first = -1;
            long last = 0;
            int sent = 1;
            while (sent < total) {
                int n = Math.min(chunk - sent % chunk, total - sent);
                SendBatch.run(sender, options.footprintSenders, n, body);
                sent += n;
                last = Heap.usedAfterGc();
                if (first < 0) {
                    first = last;
                }
                report.row(sent, Report.mib(last), endpoint.getLedger().rememberedCount(),
                        endpoint.getLedger().inFlightCount());
            }
            long growth = last - first;
            report.line("\nRemembered outcomes full (first checkpoint) to the last checkpoint: " + Report.mib(growth)
                        + " (target: no growth, " + Report.mib(GROWTH_TOLERANCE) + " tolerated for GC noise: "
                        + Report.target(growth <= GROWTH_TOLERANCE) + "). From the first transaction to the first"
                        + " checkpoint the heap changed by " + Report.mib(first - start) + ", the remembered outcomes"
                        + " filling up to their bound (" + endpoint.getLedger().rememberedCount() + ") and the"
                        + " broker's own heap in the same JVM settling.");
        } finally {
            sender.close();
        }
    }
}
