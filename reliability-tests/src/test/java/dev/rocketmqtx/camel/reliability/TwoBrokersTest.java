package dev.rocketmqtx.camel.reliability;

import java.time.Duration;
import java.util.Set;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two brokers serve the topic; sends spread over both. One broker stops while four senders keep sending: traffic
 * continues on the other broker without a failed order. When the stopped broker comes back on its store, whatever
 * it held (committed messages not yet consumed, half messages waiting for their check) is delivered or resolved: the
 * consumer ends with exactly the committed orders.
 */
class TwoBrokersTest {

    private static final EmbeddedRocketMQ BROKER_A = EmbeddedRocketMQ.shared();
    private static final int SENDERS = 4;
    private static final int ORDERS_PER_PHASE = 300;

    private final String topic = Names.unique("orders");
    private final String consumerGroup = Names.unique("shipping");
    private final String brokerB = Names.unique("broker-b");
    private final OrderTraffic traffic = new OrderTraffic();

    @Test
    void trafficMovesToTheRemainingBrokerAndNothingCommittedIsLost() throws Exception {
        long start = System.nanoTime();
        // Same name, store and port on restart: it is the same broker coming back.
        EmbeddedRocketMQConfig configB = EmbeddedRocketMQConfig.defaults().brokerName(brokerB)
                .storeDir(Names.buildDir("two-brokers").resolve(brokerB)).brokerPort(Ports.freeForBroker())
                // Rounds without a producer channel count toward the maximum; the producer's heartbeat reaches a
                // returning broker only after the restart below, so leave room beyond the default 15 rounds.
                .transactionCheckMax(60);
        EmbeddedRocketMQ b = BROKER_A.startBroker(configB);
        createTopics(BROKER_A);
        createTopics(b);
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(traffic.routes(topic, BROKER_A.namesrvAddr(), Names.unique("order-tx"), consumerGroup));
        context.start();
        String brokerA = BROKER_A.broker().getBrokerConfig().getBrokerName();
        try {
            traffic.start(context, SENDERS);
            await("sends on both brokers").atMost(Duration.ofSeconds(120)).until(() -> traffic.completed() >= ORDERS_PER_PHASE
                    && traffic.storedOn(brokerA) > 0 && traffic.storedOn(brokerB) > 0);

            b.close(); // a graceful stop (10 to 18 s), while the senders keep going
            int onBWhenStopped = traffic.storedOn(brokerB);
            int completedWhenStopped = traffic.completed();
            await("traffic continuing on " + brokerA).atMost(Duration.ofSeconds(120))
                    .until(() -> traffic.completed() >= completedWhenStopped + ORDERS_PER_PHASE);
            traffic.stop();
            assertThat(traffic.storedOn(brokerB)).as("orders stored on the stopped broker").isEqualTo(onBWhenStopped);

            b = BROKER_A.startBroker(configB);
            createTopics(b);
            // A running client finds a returning broker at its next route refresh and heartbeat (every 30 s);
            // restarting the routes makes producer and consumer look now, as the broker's 1 s check interval
            // compresses the broker's side of time.
            for (String route : new String[] {OrderTraffic.PLACE_ORDER_ROUTE, OrderTraffic.SHIPPING_ROUTE}) {
                context.getRouteController().stopRoute(route);
                context.getRouteController().startRoute(route);
            }

            Set<String> committed = traffic.committedOrders();
            assertThat(committed).hasSize(traffic.committedTransactions()).isEqualTo(traffic.ordersMeantToCommit());
            DeliveryLedger shipped = traffic.shipped();
            shipped.awaitExactly(committed, Duration.ofSeconds(90));
            System.out.printf("TwoBrokersTest: transactions=%d stored on %s=%d on %s=%d committed=%d delivered=%d"
                              + " lost=0 duplicates=%d broker stops survived=1 half messages not stored (redelivered)=%d"
                              + " time=%d ms%n", traffic.placed(), brokerA, traffic.storedOn(brokerA), brokerB,
                    traffic.storedOn(brokerB), committed.size(), shipped.distinct(), shipped.duplicates(),
                    traffic.halfMessagesNotStored(), (System.nanoTime() - start) / 1_000_000);
        } finally {
            context.stop();
            b.close();
        }
    }

    private void createTopics(EmbeddedRocketMQ broker) {
        broker.createTopic(topic);
        broker.createRetryTopic(consumerGroup);
    }
}
