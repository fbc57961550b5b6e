package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten thousand transactions from eight concurrent senders with random (seeded) outcomes, with no check code at all:
 * the producer's transactionLog and the consumer's idempotentRepository, both on a real database (an H2 file
 * database), both writing in their route's database transaction. The truth is the database: the committed orders are
 * the rows of ORDERS. A plain consumer group receives exactly the committed set (duplicates counted); the shipping
 * group, behind the idempotentRepository, ships each committed order exactly once (one SHIPMENTS row each) and
 * nothing else. It runs with the broker's checks alone and with the producer's early check (earlyCheckDelay).
 */
class ExactlyOnceMixedLoadTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final int TRANSACTIONS = 10_000;
    private static final int SENDERS = 8;
    private static final long SEED = 20_261_128L;
    private static final long LOCAL_TRANSACTION_TIMEOUT_MILLIS = 10_000;

    /** How one transaction ends; its local transaction first inserts the order row under transacted(). */
    enum Outcome {
        /** The route completes: row and log entry commit, COMMIT is sent. */
        COMMIT(true),
        /** The route sets ROLLBACK: the row rolls back, ROLLBACK is sent. */
        ROLLBACK(false),
        /** The route throws after its insert: the row rolls back, the exchange fails. */
        EXCEPTION(false),
        /** The route marks the exchange rollback-only: the row rolls back. */
        ROLLBACK_ONLY(false),
        /** The route sets UNKNOWN: row and log entry commit, no end is sent; the check finds the log entry. */
        END_LEFT_TO_THE_CHECK(true),
        /** As END_LEFT_TO_THE_CHECK, and the first lookup in the log fails (database unavailable): UNKNOWN, then COMMIT. */
        LOG_LOOKUP_FAILS_ONCE(true);

        private final boolean commits;

        Outcome(boolean commits) {
            this.commits = commits;
        }
    }

    private final String topic = Names.unique("mixed-log");
    private final String producerGroup = Names.unique("mixed-log-tx");
    private final String consumerGroup = Names.unique("mixed-log-all");
    private final String shippingGroup = Names.unique("mixed-log-shipping");
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    /** Transaction ids whose first lookup in the transaction log fails. */
    private final Set<String> failingLookups = ConcurrentHashMap.newKeySet();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final AtomicInteger sendRedeliveries = new AtomicInteger();
    private final DeliveryLedger delivered = new DeliveryLedger();
    private ShopDatabase database;
    private CamelContext context;
    private ShippingService shipping;

    @AfterEach
    void stop() {
        if (shipping != null) {
            shipping.close();
        }
        if (context != null) {
            context.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "earlyCheckDelay={0}")
    @ValueSource(ints = {0, 300})
    void everyCommittedOrderIsShippedExactlyOnceWithTheTransactionLogAndTheIdempotentConsumer(int earlyCheckDelay)
            throws Exception {
        long start = System.nanoTime();
        BROKER.createTopic(topic, 8);
        BROKER.createRetryTopic(consumerGroup);
        BROKER.createRetryTopic(shippingGroup);
        Path dir = Names.buildDir("exactly-once-mixed-load").resolve(topic);
        database = ShopDatabase.connect("jdbc:h2:file:" + dir.resolve("shop").toAbsolutePath(), 64);
        Random random = new Random(SEED);
        Outcome[] all = Outcome.values();
        List<String> keys = new ArrayList<>(TRANSACTIONS);
        for (int i = 0; i < TRANSACTIONS; i++) {
            String key = "order-" + i;
            outcomes.put(key, all[random.nextInt(all.length)]);
            keys.add(key);
        }

        shipping = new ShippingService("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr()
                                       + "&consumerGroup=" + shippingGroup
                                       + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET", database);
        String producerUri = startProducerAndPlainConsumer(earlyCheckDelay);
        long sendStart = System.nanoTime();
        sendConcurrently(keys);
        long sendMillis = (System.nanoTime() - sendStart) / 1_000_000;

        // The database is the truth: what committed must be delivered, and only that.
        Set<String> committed = database.orders().keySet();
        Set<String> meantToCommit = outcomes.entrySet().stream().filter(e -> e.getValue().commits)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        await("every committed order delivered and shipped").atMost(Duration.ofSeconds(180))
                .until(() -> delivered.keys().containsAll(committed)
                             && shipping.routed().keys().containsAll(committed));
        await("nothing else delivered or shipped").during(DeliveryLedger.CHECK_WINDOW)
                .atMost(DeliveryLedger.CHECK_WINDOW.plusSeconds(10))
                .until(() -> delivered.keys().equals(committed) && shipping.routed().keys().equals(committed));

        // A transaction meant to commit that did not is one whose local transaction outlasted 90 % of the timeout
        // (rolled back on purpose, the exchange failed); none other.
        Set<String> notCommitted = meantToCommit.stream().filter(key -> !committed.contains(key))
                .collect(Collectors.toSet());
        assertThat(committed).isSubsetOf(meantToCommit);
        assertThat(notCommitted).allMatch(key -> String.valueOf(failures.get(key)).contains("localTransactionTimeout"));
        assertThat(shipping.routed().duplicates()).as("orders routed twice behind the idempotent repository").isZero();
        assertThat(database.shipments()).as("shipment rows per order")
                .isEqualTo(committed.stream().collect(Collectors.toMap(key -> key, key -> 1)));

        TransactionStatistics producer = context.getEndpoint(producerUri, RocketMQTxEndpoint.class).getStatistics();
        Map<Outcome, Long> perOutcome = new EnumMap<>(Outcome.class);
        outcomes.values().forEach(o -> perOutcome.merge(o, 1L, Long::sum));
        System.out.printf("ExactlyOnceMixedLoadTest: earlyCheckDelay=%d transactions=%d senders=%d send time=%d ms"
                          + " outcomes=%s committed rows=%d (meant %d; rolled back by the local transaction timeout"
                          + " %d) delivered=%d lost=0 duplicates delivered to the plain group=%d; shipping group:"
                          + " shipped=%d duplicates absorbed by the idempotent repository=%d routed twice=0;"
                          + " producer checks: commit=%d rollback=%d unknown=%d early checks: commit=%d unknown=%d"
                          + " send redeliveries=%d time=%d ms%n",
                earlyCheckDelay, TRANSACTIONS, SENDERS, sendMillis, perOutcome, committed.size(), meantToCommit.size(),
                notCommitted.size(), delivered.distinct(), delivered.duplicates(), shipping.routed().distinct(),
                shipping.statistics().getConsumedDuplicates(), producer.getCheckCommit(), producer.getCheckRollback(),
                producer.getCheckUnknown(), producer.getEarlyCheckCommit(), producer.getEarlyCheckUnknown(),
                sendRedeliveries.get(), (System.nanoTime() - start) / 1_000_000);
    }

    /** Starts the producer (transactionLog, no check) and the plain consumer group; returns the producer's URI. */
    private String startProducerAndPlainConsumer(int earlyCheckDelay) throws Exception {
        String common = "?namesrvAddr=" + BROKER.namesrvAddr();
        String producerUri = "rocketmq-tx:" + topic + common + "&producerGroup=" + producerGroup
                             + "&localTransaction=direct:saveOrder&transactionLog=#txLog&sendMsgTimeout=10000"
                             + "&localTransactionTimeout=" + LOCAL_TRANSACTION_TIMEOUT_MILLIS
                             + "&earlyCheckDelay=" + earlyCheckDelay;
        context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("txLog", new FlakyTransactionLog(database.dataSource(),
                ShopDatabase.TRANSACTION_LOG, failingLookups));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // One transaction in six fails on purpose; its exchange carries the exception.
                errorHandler(defaultErrorHandler().logExhausted(false));
                // A half message that timed out on the loaded machine: nothing ran locally, send it again (a new
                // transaction id). One stored despite the timeout is not in the log: rolled back after the timeout.
                onException(HalfMessageNotStoredException.class).maximumRedeliveries(10).redeliveryDelay(200)
                        .onRedelivery(e -> sendRedeliveries.incrementAndGet());

                from("direct:send").to(producerUri);
                from("direct:saveOrder").transacted().process(ExactlyOnceMixedLoadTest.this::localTransaction);

                from("rocketmq-tx:" + topic + common + "&consumerGroup=" + consumerGroup
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(e -> delivered.record(e.getMessage().getHeader("orderId", String.class)));
            }
        });
        context.start();
        return producerUri;
    }

    private void localTransaction(Exchange exchange) {
        String key = exchange.getMessage().getHeader("orderId", String.class);
        String transactionId = exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        database.insertOrder(key, transactionId);
        switch (outcomes.get(key)) {
            case COMMIT -> { }
            case ROLLBACK -> exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
            case EXCEPTION -> throw new IllegalStateException("payment declined");
            case ROLLBACK_ONLY -> exchange.setRollbackOnly(true);
            case END_LEFT_TO_THE_CHECK ->
                exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.UNKNOWN);
            case LOG_LOOKUP_FAILS_ONCE -> {
                failingLookups.add(transactionId);
                exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.UNKNOWN);
            }
        }
    }

    /** Each sender thread sends its share of the keys one by one; failures are noted per key. */
    private void sendConcurrently(List<String> keys) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int first = s;
                results.add(senders.submit(() -> {
                    for (int i = first; i < keys.size(); i += SENDERS) {
                        String key = keys.get(i);
                        Exchange exchange = template.send("direct:send", e -> {
                            e.getMessage().setBody("order " + key);
                            e.getMessage().setHeader("orderId", key);
                        });
                        if (exchange.getException() != null) {
                            failures.put(key, exchange.getException().toString());
                        }
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            senders.shutdownNow();
        }
    }

    /** The JDBC transaction log, whose first lookup of some transaction ids fails as if the database were down. */
    private static final class FlakyTransactionLog extends JdbcMessageIdRepository {

        private final Set<String> failOnce;

        FlakyTransactionLog(DataSource dataSource, String processorName, Set<String> failOnce) {
            super(dataSource, processorName);
            this.failOnce = failOnce;
        }

        @Override
        public boolean contains(String key) {
            if (failOnce.remove(key)) {
                throw new IllegalStateException("database unavailable during the check of " + key);
            }
            return super.contains(key);
        }
    }
}
