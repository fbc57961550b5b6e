package dev.rocketmqtx.camel.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;

/**
 * What consistency with no user code costs: the same transacted routes, each inserting one row, with and without the
 * component doing the bookkeeping in the route's database transaction.
 * <ul>
 * <li>Producer: the local transaction is a {@code transacted()} route inserting a row; against it, the same route
 * with {@code transactionLog} (a camel-sql JDBC repository on the same database), which adds the transaction id in
 * that database transaction.</li>
 * <li>Consumer: a {@code transacted()} consumer route inserting a row; against it, the same route with
 * {@code idempotentRepository} (JDBC, same database), which adds the transaction id in the route's transaction.</li>
 * </ul>
 * Both on the remoting protocol against the broker; the tables are emptied before every round and drain, outside
 * the measured time, so that no contender meets larger tables than the other.
 */
final class ConsistencyBenchmark {

    private static final long DRAIN_TIMEOUT_SECONDS = 300;
    private static final String ORDERS = "orders";
    private static final String SHIPMENTS = "shipments";

    private final BrokerTarget broker;
    private final BenchmarkOptions options;
    private final Report report;
    private final AtomicInteger groups = new AtomicInteger();

    ConsistencyBenchmark(BrokerTarget broker, BenchmarkOptions options, Report report) {
        this.broker = broker;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        try (BenchDatabase database = BenchDatabase.open(options.consistencyDatabase, broker.name("consistency"))) {
            database.createTable(ORDERS);
            database.createTable(SHIPMENTS);
            report.heading("Cost of consistency with no user code (transactionLog, idempotentRepository)");
            report.line("Database: " + database.description() + "; Spring DataSourceTransactionManager; repositories:"
                        + " camel-sql JdbcMessageIdRepository on the same DataSource. Remoting protocol, embedded"
                        + " broker. Tables emptied before every round and drain, outside the measured time.");
            produce(database);
            consume(database);
        }
    }

    private void produce(BenchDatabase database) throws Exception {
        String topic = broker.createTopic("consistency-produce");
        String common = "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr() + "&localTransaction=direct:local";
        CamelContext plainContext = contextWith(database, null, null);
        CamelContext loggedContext = contextWith(database, "txLog", database.repository(broker.name("tx-log")));
        try (Sender plain = new CamelTransactionSender("tx-log-off", "transacted insert, no transactionLog",
                plainContext, common + "&producerGroup=" + broker.name("pg-consistency-plain"),
                transactedInsert(database));
             Sender logged = new CamelTransactionSender("tx-log-on", "transacted insert + transactionLog (JDBC)",
                     loggedContext, common + "&producerGroup=" + broker.name("pg-consistency-log")
                                    + "&transactionLog=#txLog", transactedInsert(database))) {
            PairedProducerRounds.run(report, options, "Producer with transactionLog: " + options.messageSize
                                                      + " B messages, local transaction a transacted() insert",
                    plain, logged, Payload.of(options.messageSize), () -> database.truncate(ORDERS));
        }
    }

    /** {@code direct:local}: one row in the route's transaction, which a transactionLog entry joins. */
    private static RoutesBuilder transactedInsert(BenchDatabase database) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:local").transacted()
                        .process(exchange -> database.insert(ORDERS, exchange.getExchangeId()));
            }
        };
    }

    private void consume(BenchDatabase database) throws Exception {
        String topic = broker.createTopic("consistency-consume");
        int messages = options.consistencyMessages;
        try (RawTransactionSender sender = new RawTransactionSender(broker, topic, "pg-consistency-preload")) {
            SendBatch.run(sender, 8, messages, Payload.of(options.messageSize));
        }
        Poll.until("the pre-loaded messages to be committed", 60, () -> storedAtLeast(topic, messages));
        JdbcMessageIdRepository seen = database.repository(broker.name("seen"));
        report.heading("Consumer with idempotentRepository: drain " + messages + " committed " + options.messageSize
                       + " B messages, route a transacted() insert");
        report.line(options.consumerWarmupRounds + " warm-up and " + options.consumerRounds + " measured drains each,"
                    + " alternating, new group per drain (from the first offset), 20 consume threads; rate over the"
                    + " middle 80% of deliveries.\n");
        DrainComparison.run(report, options.consumerWarmupRounds, options.consumerRounds,
                "transacted insert, no idempotentRepository", () -> drain(database, topic, messages, null),
                "transacted insert + idempotentRepository (JDBC)", () -> drain(database, topic, messages, seen),
                "Consumer ratio with / without idempotentRepository");
    }

    private boolean storedAtLeast(String topic, int messages) {
        try {
            return broker.storedMessages(topic) >= messages;
        } catch (Exception e) {
            return false;
        }
    }

    /** One drain in a new group; with {@code repository}, the same route with idempotentRepository. */
    private double drain(BenchDatabase database, String topic, int messages, JdbcMessageIdRepository repository)
            throws Exception {
        // Every drain reads the same messages again: the keys of the last one must not make this one skip them.
        database.truncate(SHIPMENTS);
        DrainCounter counter = new DrainCounter(messages);
        String uri = "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr() + "&consumerGroup="
                     + broker.name("cg-consistency-" + groups.incrementAndGet())
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET"
                     + (repository == null ? "" : "&idempotentRepository=#seen");
        CamelContext context = contextWith(database, "seen", repository);
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).transacted()
                            .process(exchange -> database.insert(SHIPMENTS, exchange.getExchangeId()))
                            .process(exchange -> counter.delivered());
                }
            });
            context.start();
            return counter.await(DRAIN_TIMEOUT_SECONDS);
        } finally {
            context.close();
        }
    }

    /** A context whose registry has the transaction manager and, when given, the repository under its name. */
    private static CamelContext contextWith(BenchDatabase database, String name, JdbcMessageIdRepository repository) {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        if (repository != null) {
            context.getRegistry().bind(name, repository);
        }
        return context;
    }
}
