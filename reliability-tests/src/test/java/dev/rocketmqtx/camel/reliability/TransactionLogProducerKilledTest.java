package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A producer JVM is SIGKILLed after the database transactions of its local transactions ended (the order row and the
 * transactionLog entry committed together, or neither) and before the ends reached the broker. A second instance of
 * the producer group with no check code at all, only the transactionLog, resolves every half message: the logged ones
 * commit, the others roll back once older than localTransactionTimeout. Behind the consumer's idempotentRepository
 * every committed order is shipped exactly once, and no other.
 */
class TransactionLogProducerKilledTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final int ORDERS = 20;
    private static final long LOCAL_TRANSACTION_TIMEOUT_MILLIS = 8000;

    private final String topic = Names.unique("orders");
    private final String producerGroup = Names.unique("order-tx");
    private final String consumerGroup = Names.unique("shipping");

    @Test
    void ordersOfAProducerKilledAfterItsDatabaseCommitAreResolvedFromTheTransactionLogAlone() throws Exception {
        long start = System.nanoTime();
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
        Path dir = Names.buildDir("log-producer-killed").resolve(topic);
        String producerUri = "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&producerGroup="
                             + producerGroup + "&localTransactionTimeout=" + LOCAL_TRANSACTION_TIMEOUT_MILLIS
                             + "&sendMsgTimeout=10000";

        try (CheckBudget budget = CheckBudget.raiseForKillTest(BROKER);
             DatabaseServer server = DatabaseServer.start(dir, "shop");
             ShopDatabase database = ShopDatabase.connect(server.url());
             ShippingService shipping = new ShippingService("rocketmq-tx:" + topic + "?namesrvAddr="
                                                            + BROKER.namesrvAddr() + "&consumerGroup=" + consumerGroup
                                                            + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET", database)) {
            Set<String> committedBeforeKill = OrderProducerApp.runUntilDecidedThenKill("producer",
                    dir.resolve("producer-jvm"), producerUri, server.url(), ORDERS);
            // The database kept what the dead JVM committed, log entries included; no end reached the broker.
            Map<String, String> orders = database.orders();
            assertThat(orders.keySet()).isEqualTo(committedBeforeKill).isNotEmpty();
            assertThat(orders.values()).allMatch(tx -> database.holds(ShopDatabase.TRANSACTION_LOG, tx));
            assertThat(database.shipments()).isEmpty();
            int rolledBack = ORDERS - orders.size();

            try (OrderService successor = new OrderService(producerUri, database,
                    database.repository(ShopDatabase.TRANSACTION_LOG))) {
                long successorStart = System.nanoTime();
                shipping.routed().awaitExactly(orders.keySet(), Duration.ofSeconds(60));
                // The unlogged ones are rolled back by the successor's checks, once past the timeout.
                await("rolled-back orders rolled back by the successor's checks").atMost(Duration.ofSeconds(60))
                        .until(() -> successor.statistics().getCheckRollback() >= rolledBack);
                long resolvedMillis = (System.nanoTime() - successorStart) / 1_000_000;
                assertThat(database.shipments()).as("shipment rows per order")
                        .isEqualTo(orders.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1)));
                assertThat(shipping.routed().duplicates()).isZero();
                System.out.printf("TransactionLogProducerKilledTest: transactions=%d killed producers=1"
                                  + " committed rows=%d rolled back=%d shipped=%d lost=0 duplicates delivered=%d"
                                  + " (absorbed by the idempotent repository) routed twice=0 successor checks:"
                                  + " commit=%d rollback=%d unknown=%d settled %d ms after the"
                                  + " successor started (4 s quiet window included) time=%d ms%n", ORDERS,
                        orders.size(),
                        rolledBack, shipping.routed().distinct(), shipping.statistics().getConsumedDuplicates(),
                        successor.statistics().getCheckCommit(), successor.statistics().getCheckRollback(),
                        successor.statistics().getCheckUnknown(), resolvedMillis,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
