package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.RocketMQProxy;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The same crash as {@link TransactionLogProducerKilledTest} over the RocketMQ 5 gRPC protocol: a producer JVM sending
 * through a real proxy (its own JVM, in front of the test's broker) is SIGKILLed after its database transactions ended
 * and before their ends were sent. The proxy has no producer groups for gRPC clients: it sends the checks of a topic's
 * transactions to any live gRPC producer of the topic. Another instance sending to the same topic, with the
 * transactionLog and no check code, resolves every half message; each committed order is shipped exactly once.
 */
class GrpcProducerKilledTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final RocketMQProxy PROXY = RocketMQProxy.shared();
    private static final int ORDERS = 10;
    private static final long LOCAL_TRANSACTION_TIMEOUT_MILLIS = 8000;

    private final String topic = Names.unique("orders");
    private final String consumerGroup = Names.unique("shipping");

    @Test
    void ordersOfAGrpcProducerKilledAfterItsDatabaseCommitAreResolvedByAnotherProducerOfTheTopic() throws Exception {
        long start = System.nanoTime();
        // The proxy refuses transactional sends to a topic not typed for them.
        BROKER.createTopic(topic, TopicMessageType.TRANSACTION);
        BROKER.createRetryTopic(consumerGroup);
        Path dir = Names.buildDir("grpc-producer-killed").resolve(topic);
        String producerUri = "rocketmq-tx:" + topic + "?endpoints=" + PROXY.grpcEndpoints()
                             + "&localTransactionTimeout=" + LOCAL_TRANSACTION_TIMEOUT_MILLIS + "&sendMsgTimeout=10000";

        try (CheckBudget budget = CheckBudget.raiseForKillTest(BROKER);
             DatabaseServer server = DatabaseServer.start(dir, "shop");
             ShopDatabase database = ShopDatabase.connect(server.url());
             ShippingService shipping = new ShippingService("rocketmq-tx:" + topic + "?namesrvAddr="
                                                            + BROKER.namesrvAddr() + "&consumerGroup=" + consumerGroup
                                                            + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET", database)) {
            Set<String> committedBeforeKill = OrderProducerApp.runUntilDecidedThenKill("grpc-producer",
                    dir.resolve("producer-jvm"), producerUri, server.url(), ORDERS);
            Map<String, String> orders = database.orders();
            assertThat(orders.keySet()).isEqualTo(committedBeforeKill).isNotEmpty();
            assertThat(database.shipments()).isEmpty();
            int rolledBack = ORDERS - orders.size();

            try (OrderService successor = new OrderService(producerUri, database,
                    database.repository(ShopDatabase.TRANSACTION_LOG))) {
                long successorStart = System.nanoTime();
                shipping.routed().awaitExactly(orders.keySet(), Duration.ofSeconds(90));
                await("rolled-back orders rolled back by the successor's checks").atMost(Duration.ofSeconds(90))
                        .until(() -> successor.statistics().getCheckRollback() >= rolledBack);
                long resolvedMillis = (System.nanoTime() - successorStart) / 1_000_000;
                assertThat(database.shipments()).as("shipment rows per order")
                        .isEqualTo(orders.keySet().stream().collect(Collectors.toMap(id -> id, id -> 1)));
                System.out.printf("GrpcProducerKilledTest: transactions=%d (gRPC, through the proxy) killed producers=1"
                                  + " committed rows=%d rolled back=%d shipped=%d lost=0 duplicates delivered=%d"
                                  + " (absorbed) routed twice=0 successor checks: commit=%d rollback=%d unknown=%d"
                                  + " settled %d ms after the successor started (4 s quiet window included)"
                                  + " time=%d ms%n", ORDERS, orders.size(), rolledBack, shipping.routed().distinct(),
                        shipping.statistics().getConsumedDuplicates(), successor.statistics().getCheckCommit(),
                        successor.statistics().getCheckRollback(), successor.statistics().getCheckUnknown(),
                        resolvedMillis, (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
