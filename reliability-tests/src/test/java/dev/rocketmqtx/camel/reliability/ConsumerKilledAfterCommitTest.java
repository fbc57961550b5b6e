package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer JVM is SIGKILLed after its route's database transaction committed (the shipment row and the
 * idempotentRepository's key together) and before it acknowledged the messages. The broker redelivers them to a
 * second consumer of the group, which finds the keys and acknowledges without routing: each order has exactly one
 * shipment row.
 */
class ConsumerKilledAfterCommitTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final int ORDERS = 3;

    private final String topic = Names.unique("orders");
    private final String producerGroup = Names.unique("order-tx");
    private final String consumerGroup = Names.unique("shipping");

    @Test
    void aConsumerKilledBetweenItsDatabaseCommitAndTheAcknowledgementCausesNoSecondShipment() throws Exception {
        long start = System.nanoTime();
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
        Path dir = Names.buildDir("consumer-killed").resolve(topic);
        String consumerUri = "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup="
                             + consumerGroup + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET";

        try (DatabaseServer server = DatabaseServer.start(dir, "shop");
             ShopDatabase database = ShopDatabase.connect(server.url());
             OrderService orders = new OrderService("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr()
                                                    + "&producerGroup=" + producerGroup, database,
                     database.repository(ShopDatabase.TRANSACTION_LOG))) {
            Map<String, String> transactions = IntStream.range(0, ORDERS).mapToObj(i -> "order-" + i)
                    .collect(Collectors.toMap(id -> id, id -> {
                        Exchange sent = orders.place(id);
                        assertThat(sent.getException()).isNull();
                        return sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
                    }));

            try (ChildJvm consumer = ChildJvm.start("consumer", dir.resolve("consumer-jvm"), List.of("-Xmx256m"),
                    Map.of(), ShippingConsumerApp.class, consumerUri + "&idempotentRepository=#shipped",
                    server.url())) {
                consumer.awaitLines(line -> line.startsWith(ShippingConsumerApp.SHIPPED), ORDERS,
                        Duration.ofSeconds(90));
                consumer.kill();
            }
            Map<String, Integer> onePerOrder = transactions.keySet().stream()
                    .collect(Collectors.toMap(id -> id, id -> 1));
            assertThat(database.shipments()).as("shipments committed by the killed consumer").isEqualTo(onePerOrder);
            assertThat(transactions.values()).as("their keys committed with them")
                    .allMatch(tx -> database.holds(ShopDatabase.SHIPPED, tx));

            try (ShippingService second = new ShippingService(consumerUri, database)) {
                await("the unacknowledged messages redelivered to the second consumer and recognised")
                        .atMost(Duration.ofSeconds(60))
                        .until(() -> second.statistics().getConsumedDuplicates() >= ORDERS);
                second.routed().awaitExactly(Set.of(), Duration.ofSeconds(1));
                assertThat(database.shipments()).as("shipment rows per order").isEqualTo(onePerOrder);
                System.out.printf("ConsumerKilledAfterCommitTest: transactions=%d killed consumers=1 shipped before"
                                  + " the kill=%d redelivered to the second consumer and acknowledged without routing=%d"
                                  + " routed again=0 shipment rows per order=1 lost=0 time=%d ms%n", ORDERS, ORDERS,
                        second.statistics().getConsumedDuplicates(), (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
