package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.reliability.RecordingTransactionLog.Lookup;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * transactionLog with two instances of one producer group, each in its own JVM, and a local transaction that is slow.
 * A transaction the log does not hold may still be running on the other instance: a check answers UNKNOWN while the
 * half message is younger than localTransactionTimeout, wherever it lands, and ROLLBACK only after that.
 */
class LocalTransactionTimeoutTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();

    private final String topic = Names.unique("orders");
    private final String producerGroup = Names.unique("order-tx");
    private final String consumerGroup = Names.unique("shipping");
    private final Path dir = Names.buildDir("local-transaction-timeout").resolve(topic);

    LocalTransactionTimeoutTest() {
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
    }

    @Test
    void aTransactionKilledInsideItsLocalTransactionIsRolledBackNoEarlierThanTheTimeout() throws Exception {
        long timeout = 6000;
        long start = System.nanoTime();
        try (CheckBudget budget = CheckBudget.raiseForKillTest(BROKER);
             DatabaseServer server = DatabaseServer.start(dir, "shop");
             ShopDatabase database = ShopDatabase.connect(server.url());
             ShippingService shipping = new ShippingService(consumerUri(), database)) {
            RecordingTransactionLog log = new RecordingTransactionLog(database.dataSource(),
                    ShopDatabase.TRANSACTION_LOG);
            try (OrderService survivor = new OrderService(producerUri(timeout), database, log)) {
                String transactionId;
                try (ChildJvm producer = startHolding(server, timeout, 1)) {
                    transactionId = producer.awaitLines(line -> line.startsWith(OrderProducerApp.INSIDE), 1,
                            Duration.ofSeconds(90)).get(0).split(" ")[2];
                    // Killed inside the local transaction: its row was inserted, never committed.
                    producer.kill();
                }
                TransactionStatistics checks = survivor.statistics();
                await("the survivor's check to roll the transaction back").atMost(Duration.ofSeconds(60))
                        .until(() -> checks.getCheckRollback() >= 1);

                BrokerRecords broker = new BrokerRecords(BROKER);
                BrokerRecords.HalfMessage half = broker.halfMessage(transactionId);
                assertThat(half).as("the half message in the broker's store").isNotNull();
                long rolledBackAt = await("the broker's record of the rollback").atMost(Duration.ofSeconds(10))
                        .until(() -> broker.endRecordedAt(half), at -> at > 0);
                List<Lookup> lookups = log.lookupsOf(transactionId);
                assertThat(lookups).as("the log never held it").noneMatch(Lookup::found);
                // Each lookup is one check answered from the log; the last one answered ROLLBACK (the outcome is
                // remembered from then on), the ones before it UNKNOWN.
                assertThat(lookups).as("checks answered from the log").hasSizeGreaterThanOrEqualTo(2);
                assertThat(checks.getCheckUnknown()).isGreaterThanOrEqualTo(lookups.size() - 1);
                long rollbackCheckAge = lookups.get(lookups.size() - 1).at() - half.bornTimestamp();
                assertThat(rollbackCheckAge).as("age of the half message at the check that rolled it back")
                        .isGreaterThanOrEqualTo(timeout);
                assertThat(rolledBackAt - half.bornTimestamp()).as("age at the broker's record of the rollback")
                        .isGreaterThanOrEqualTo(timeout);
                assertThat(database.orders()).as("committed orders").isEmpty();
                shipping.routed().awaitExactly(Set.of(), Duration.ofSeconds(1));
                System.out.printf("LocalTransactionTimeoutTest (killed inside): localTransactionTimeout=%d ms"
                                  + " killed producers=1 survivor checks from the log at ages %s ms (UNKNOWN before the"
                                  + " timeout, ROLLBACK at %d ms); broker recorded the rollback at age %d ms;"
                                  + " survivor check answers: unknown=%d rollback=%d; delivered=0 time=%d ms%n",
                        timeout, ages(lookups, half.bornTimestamp()), rollbackCheckAge,
                        rolledBackAt - half.bornTimestamp(), checks.getCheckUnknown(), checks.getCheckRollback(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    @Test
    void aCheckOnASecondLiveInstanceAnswersUnknownWhileTheFirstIsStillInsideItsLocalTransaction() throws Exception {
        // Long enough for the broker to pick the second instance for a check while the first still holds the
        // transactions (the first must commit before 90 % of it); it decides nothing else in this test.
        long timeout = 20_000;
        int held = 3;
        long start = System.nanoTime();
        try (CheckBudget budget = CheckBudget.raiseForKillTest(BROKER);
             DatabaseServer server = DatabaseServer.start(dir, "shop");
             ShopDatabase database = ShopDatabase.connect(server.url());
             ShippingService shipping = new ShippingService(consumerUri(), database)) {
            RecordingTransactionLog log = new RecordingTransactionLog(database.dataSource(),
                    ShopDatabase.TRANSACTION_LOG);
            try (OrderService second = new OrderService(producerUri(timeout), database, log);
                 ChildJvm first = startHolding(server, timeout, held)) {
                Map<String, String> inside = first.awaitLines(line -> line.startsWith(OrderProducerApp.INSIDE), held,
                        Duration.ofSeconds(90)).stream().map(line -> line.split(" "))
                        .collect(Collectors.toMap(words -> words[1], words -> words[2]));
                // The broker spreads its checks over the group's instances; several transactions held at once make
                // sure that one of the checks of a round goes to the second instance.
                await("a check of a held transaction answered by the second instance")
                        .atMost(Duration.ofMillis(timeout / 2))
                        .until(() -> inside.values().stream().anyMatch(tx -> !log.lookupsOf(tx).isEmpty()));
                List<Lookup> whileInside = inside.values().stream().flatMap(tx -> log.lookupsOf(tx).stream()).toList();
                TransactionStatistics checks = second.statistics();
                assertThat(whileInside).as("nothing logged while the first is inside").noneMatch(Lookup::found);
                assertThat(checks.getCheckUnknown()).as("UNKNOWN answers of the second instance").isPositive();
                assertThat(checks.getCheckCommit() + checks.getCheckRollback()).isZero();
                assertThat(database.orders()).as("nothing committed yet").isEmpty();
                long unknownWhileInside = checks.getCheckUnknown();

                first.tell(OrderProducerApp.COMMIT_COMMAND);
                List<String> ended = first.awaitLines(line -> line.startsWith(OrderProducerApp.ENDED), held,
                        Duration.ofSeconds(30));
                assertThat(ended).allMatch(line -> line.split(" ")[2].equals("COMMIT"));
                assertThat(database.orders()).isEqualTo(inside);
                shipping.routed().awaitExactly(inside.keySet(), Duration.ofSeconds(30));
                assertThat(database.shipments()).as("shipment rows per order")
                        .isEqualTo(inside.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1)));
                assertThat(checks.getCheckRollback()).isZero();
                System.out.printf("LocalTransactionTimeoutTest (second live instance): localTransactionTimeout=%d ms"
                                  + " transactions held by the first instance=%d; checks the second answered from the"
                                  + " log meanwhile=%d (UNKNOWN: %d); committed=%d shipped=%d lost=0 duplicates"
                                  + " delivered=%d (absorbed) routed twice=0; second instance's check answers in all: commit=%d"
                                  + " unknown=%d time=%d ms%n", timeout, held,
                        whileInside.size(), unknownWhileInside, database.orders().size(),
                        shipping.routed().distinct(), shipping.statistics().getConsumedDuplicates(),
                        checks.getCheckCommit(), checks.getCheckUnknown(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    private ChildJvm startHolding(DatabaseServer server, long timeout, int orders) {
        return ChildJvm.start("producer", dir.resolve("producer-jvm-" + System.nanoTime()), List.of("-Xmx256m"),
                Map.of(), OrderProducerApp.class, producerUri(timeout), server.url(),
                OrderProducerApp.Mode.HOLD_INSIDE.name(), Integer.toString(orders));
    }

    private String producerUri(long localTransactionTimeout) {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&producerGroup=" + producerGroup
               + "&localTransactionTimeout=" + localTransactionTimeout + "&sendMsgTimeout=10000";
    }

    private String consumerUri() {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup=" + consumerGroup
               + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET";
    }

    private static String ages(List<Lookup> lookups, long born) {
        return lookups.stream().map(lookup -> Long.toString(lookup.at() - born)).collect(Collectors.joining(", "));
    }
}
