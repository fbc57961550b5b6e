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
import dev.rocketmqtx.camel.test.RocketMQProxy;
import dev.rocketmqtx.camel.test.RocketMQProxyConfig;
import org.apache.camel.Exchange;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer JVM is SIGKILLed after its route's database transaction committed (the shipment row and the
 * idempotentRepository's key together) and before it acknowledged the messages. The broker redelivers them to a
 * second consumer of the group, which finds the keys and acknowledges without routing: each order has exactly one
 * shipment row. The same on the remoting protocol and over gRPC through a proxy (its own JVM), where the
 * unacknowledged messages come back once the proxy counts the killed consumer as gone.
 */
class ConsumerKilledAfterCommitTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final int ORDERS = 3;

    private final String topic = Names.unique("orders");
    private final String producerGroup = Names.unique("order-tx");
    private final String consumerGroup = Names.unique("shipping");

    @Test
    void aConsumerKilledBetweenItsDatabaseCommitAndTheAcknowledgementCausesNoSecondShipment() throws Exception {
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
        String options = "?namesrvAddr=" + BROKER.namesrvAddr();
        killConsumerAfterCommit("consumer-killed", "rocketmq-tx:" + topic + options + "&producerGroup=" + producerGroup,
                "rocketmq-tx:" + topic + options + "&consumerGroup=" + consumerGroup
                + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET", Duration.ofSeconds(60));
    }

    @Test
    void aGrpcConsumerKilledBetweenItsDatabaseCommitAndTheAcknowledgementCausesNoSecondShipment() throws Exception {
        // The proxy refuses transactional sends to a topic not typed for them.
        BROKER.createTopic(topic, TopicMessageType.TRANSACTION);
        BROKER.createConsumerGroup(consumerGroup, 16);
        // The proxy hands a dead consumer's messages on once it counts the consumer as gone: no heartbeat for
        // channelExpiredTimeout (120 s by default; 30 s for this proxy of its own), found by a scan every 10 s.
        try (RocketMQProxy proxy = RocketMQProxy.start(BROKER,
                RocketMQProxyConfig.defaults().setting("channelExpiredTimeout", 30_000))) {
            String options = "?endpoints=" + proxy.grpcEndpoints();
            killConsumerAfterCommit("grpc-consumer-killed", "rocketmq-tx:" + topic + options,
                    "rocketmq-tx:" + topic + options + "&consumerGroup=" + consumerGroup, Duration.ofSeconds(90));
        }
    }

    private void killConsumerAfterCommit(String name, String producerUri, String consumerUri, Duration redelivery)
            throws Exception {
        long start = System.nanoTime();
        Path dir = Names.buildDir(name).resolve(topic);
        try (DatabaseServer server = DatabaseServer.start(dir, "shop");
             ShopDatabase database = ShopDatabase.connect(server.url());
             OrderService orders = new OrderService(producerUri, database,
                     database.repository(ShopDatabase.TRANSACTION_LOG))) {
            Map<String, String> transactions = IntStream.range(0, ORDERS).mapToObj(i -> "order-" + i)
                    .collect(Collectors.toMap(id -> id, id -> {
                        Exchange sent = orders.place(id);
                        assertThat(sent.getException()).isNull();
                        return sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
                    }));

            long killedAt;
            try (ChildJvm consumer = ChildJvm.start("consumer", dir.resolve("consumer-jvm"), List.of("-Xmx256m"),
                    Map.of(), ShippingConsumerApp.class, consumerUri + "&idempotentRepository=#shipped",
                    server.url())) {
                consumer.awaitLines(line -> line.startsWith(ShippingConsumerApp.SHIPPED), ORDERS,
                        Duration.ofSeconds(90));
                consumer.kill();
                killedAt = System.nanoTime();
            }
            Map<String, Integer> onePerOrder = transactions.keySet().stream()
                    .collect(Collectors.toMap(id -> id, id -> 1));
            assertThat(database.shipments()).as("shipments committed by the killed consumer").isEqualTo(onePerOrder);
            assertThat(transactions.values()).as("their keys committed with them")
                    .allMatch(tx -> database.holds(ShopDatabase.SHIPPED, tx));

            try (ShippingService second = new ShippingService(consumerUri, database)) {
                await("the unacknowledged messages redelivered to the second consumer and recognised")
                        .atMost(redelivery)
                        .until(() -> second.statistics().getConsumedDuplicates() >= ORDERS);
                long redeliveredMillis = (System.nanoTime() - killedAt) / 1_000_000;
                second.routed().awaitExactly(Set.of(), Duration.ofSeconds(1));
                assertThat(database.shipments()).as("shipment rows per order").isEqualTo(onePerOrder);
                System.out.printf("ConsumerKilledAfterCommitTest (%s): transactions=%d killed consumers=1 shipped"
                                  + " before the kill=%d redelivered to the second consumer and acknowledged without"
                                  + " routing=%d (%d ms after the kill) routed again=0 shipment rows per order=1 lost=0"
                                  + " time=%d ms%n", consumerUri.contains("endpoints=") ? "gRPC" : "remoting", ORDERS,
                        ORDERS, second.statistics().getConsumedDuplicates(), redeliveredMillis,
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }
}
