package dev.rocketmqtx.camel.reliability;

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

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten thousand transactions from eight concurrent senders, each with a random (seeded) outcome: commit, rollback,
 * exception, UNKNOWN resolved by the check either way, and a check that fails once before it answers. The consumer
 * receives exactly the committed set; duplicates are counted; a consumer behind Camel's idempotent consumer, keyed by
 * the transaction id, sees each committed message exactly once. It runs twice: with the broker's checks alone, and
 * with the producer's early check (earlyCheckDelay) resolving UNKNOWN transactions before the broker asks.
 */
class MixedLoadTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final int TRANSACTIONS = 10_000;
    private static final int SENDERS = 8;
    private static final long SEED = 20_261_125L;
    private static final String KEY = "businessKey";

    private final String topic = Names.unique("mixed");
    private final String producerGroup = Names.unique("mixed-tx");
    private final String consumerGroup = Names.unique("mixed-all");
    private final String dedupGroup = Names.unique("mixed-dedup");

    /** The in-memory record of what each business transaction did: the truth the check consults. */
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    /** Transaction id to business key of every local transaction that ran: what the check looks up. */
    private final Map<String, String> ranTransactions = new ConcurrentHashMap<>();
    private final Set<String> checkFailedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sendRedeliveries = new AtomicInteger();
    private final AtomicInteger checks = new AtomicInteger();
    private final DeliveryLedger delivered = new DeliveryLedger();
    private final DeliveryLedger arrivedAtDedup = new DeliveryLedger();
    private final DeliveryLedger passedDedup = new DeliveryLedger();
    private CamelContext context;

    @AfterEach
    void stopCamel() {
        if (context != null) {
            context.stop();
        }
    }

    @ParameterizedTest(name = "earlyCheckDelay={0}")
    @ValueSource(ints = {0, 300})
    void exactlyTheCommittedTransactionsAreDeliveredUnderConcurrentMixedOutcomes(int earlyCheckDelay) throws Exception {
        long start = System.nanoTime();
        BROKER.createTopic(topic, 8);
        BROKER.createRetryTopic(consumerGroup);
        BROKER.createRetryTopic(dedupGroup);
        Random random = new Random(SEED);
        Outcome[] all = Outcome.values();
        List<String> keys = new ArrayList<>(TRANSACTIONS);
        for (int i = 0; i < TRANSACTIONS; i++) {
            String key = "tx-" + i;
            outcomes.put(key, all[random.nextInt(all.length)]);
            keys.add(key);
        }
        Set<String> committed = outcomes.entrySet().stream().filter(e -> e.getValue().commits())
                .map(Map.Entry::getKey).collect(Collectors.toSet());

        context = startCamel(earlyCheckDelay);
        long sendStart = System.nanoTime();
        int failedExchanges = sendConcurrently(keys);
        long sendMillis = (System.nanoTime() - sendStart) / 1_000_000;

        await("every committed transaction delivered").atMost(Duration.ofSeconds(120))
                .until(() -> delivered.keys().containsAll(committed) && passedDedup.keys().containsAll(committed));
        await("no rolled-back transaction delivered").during(DeliveryLedger.CHECK_WINDOW)
                .atMost(DeliveryLedger.CHECK_WINDOW.plusSeconds(10))
                .until(() -> delivered.keys().equals(committed) && passedDedup.keys().equals(committed));

        assertThat(failedExchanges).as("exchanges failed by the EXCEPTION outcome")
                .isEqualTo(count(Outcome.EXCEPTION));
        assertThat(passedDedup.duplicates()).as("duplicates behind the idempotent consumer").isZero();
        Map<Outcome, Long> perOutcome = new EnumMap<>(Outcome.class);
        outcomes.values().forEach(o -> perOutcome.merge(o, 1L, Long::sum));
        System.out.printf("MixedLoadTest: earlyCheckDelay=%d transactions=%d senders=%d send time=%d ms outcomes=%s"
                          + " committed=%d delivered=%d lost=0 duplicates=%d (dedup group: arrivals duplicated=%d,"
                          + " after idempotent consumer=%d) checks=%d send redeliveries=%d time=%d ms%n", earlyCheckDelay,
                TRANSACTIONS, SENDERS, sendMillis, perOutcome, committed.size(), delivered.distinct(),
                delivered.duplicates(), arrivedAtDedup.duplicates(), passedDedup.duplicates(), checks.get(),
                sendRedeliveries.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private long count(Outcome outcome) {
        return outcomes.values().stream().filter(outcome::equals).count();
    }

    /** Each sender thread sends its share of the keys one by one; returns how many exchanges ended failed. */
    private int sendConcurrently(List<String> keys) throws Exception {
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                int first = s;
                results.add(senders.submit(() -> {
                    int failed = 0;
                    for (int i = first; i < keys.size(); i += SENDERS) {
                        String key = keys.get(i);
                        Exchange exchange = template.send("direct:send", e -> {
                            e.getMessage().setBody("payload of " + key);
                            e.getMessage().setHeader(KEY, key);
                        });
                        if (exchange.getException() != null) {
                            failed++;
                        }
                    }
                    return failed;
                }));
            }
            int failed = 0;
            for (Future<Integer> result : results) {
                failed += result.get();
            }
            return failed;
        } finally {
            senders.shutdownNow();
        }
    }

    private CamelContext startCamel(int earlyCheckDelay) throws Exception {
        CamelContext camel = new DefaultCamelContext();
        String common = "?namesrvAddr=" + BROKER.namesrvAddr();
        camel.getRegistry().bind("check", (org.apache.camel.Processor) this::check);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // One transaction in six fails on purpose; its exchange carries the exception, no need to log ~1,700
                // stack traces.
                errorHandler(defaultErrorHandler().logExhausted(false));
                // A half message that timed out on the loaded machine: nothing ran locally, send it again (a new
                // message, with a new transaction id). One stored despite the timeout is rolled back by the check,
                // which finds no local transaction for its id.
                onException(HalfMessageNotStoredException.class).maximumRedeliveries(10).redeliveryDelay(200)
                        .onRedelivery(e -> sendRedeliveries.incrementAndGet());

                from("direct:send").to("rocketmq-tx:" + topic + common + "&producerGroup=" + producerGroup
                                       + "&localTransaction=direct:local&checkProcessor=#check&sendMsgTimeout=10000"
                                       + "&earlyCheckDelay=" + earlyCheckDelay);
                from("direct:local").process(MixedLoadTest.this::localTransaction);

                from("rocketmq-tx:" + topic + common + "&consumerGroup=" + consumerGroup
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(e -> delivered.record(e.getMessage().getHeader(KEY, String.class)));

                // Deduplication for consumers that need exactly-once effects: the transaction id is the same on every
                // redelivery and on a second copy of the same half message.
                from("rocketmq-tx:" + topic + common + "&consumerGroup=" + dedupGroup
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(e -> arrivedAtDedup.record(e.getMessage().getHeader(KEY, String.class)))
                        .idempotentConsumer(header(RocketMQTxConstants.TRANSACTION_ID),
                                MemoryIdempotentRepository.memoryIdempotentRepository(4 * TRANSACTIONS))
                        .process(e -> passedDedup.record(e.getMessage().getHeader(KEY, String.class)));
            }
        });
        camel.start();
        return camel;
    }

    private void localTransaction(Exchange exchange) {
        String key = exchange.getMessage().getHeader(KEY, String.class);
        ranTransactions.put(exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class), key);
        Outcome outcome = outcomes.get(key);
        switch (outcome) {
            case COMMIT -> { }
            case ROLLBACK -> exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
            case EXCEPTION -> throw new IllegalStateException("payment declined");
            default -> exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.UNKNOWN);
        }
    }

    /** The check looks its transaction id up in the record of outcomes, as a real one looks in the database. */
    private void check(Exchange exchange) {
        checks.incrementAndGet();
        String key = ranTransactions.get(exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID,
                String.class));
        if (key == null) {
            // A half message stored although its send failed: Camel redelivered the exchange as a new message with a
            // new id, so no local transaction ran under this one. (A copy left by the client's own retry has the id
            // of its transaction and is found above.)
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
            return;
        }
        Outcome outcome = outcomes.get(key);
        if (outcome == Outcome.CHECK_FAILS_ONCE_THEN_COMMIT && checkFailedOnce.add(key)) {
            throw new IllegalStateException("database unavailable during the check of " + key);
        }
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS,
                outcome.commits() ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
    }
}
