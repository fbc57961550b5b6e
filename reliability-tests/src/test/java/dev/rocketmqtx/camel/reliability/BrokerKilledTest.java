package dev.rocketmqtx.camel.reliability;

import java.time.Duration;
import java.util.Set;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker JVM is SIGKILLed while four senders keep sending, then restarted on the same store. During the outage
 * sends fail with {@link HalfMessageNotStoredException} (the local transaction did not run), which Camel's error
 * handler redelivers until the broker is back. Afterwards every committed order is delivered, no rolled-back one is,
 * and the half messages whose END_TRANSACTION died with the broker are resolved by the check.
 */
class BrokerKilledTest {

    private static final int SENDERS = 4;
    private static final int ORDERS_PER_PHASE = 150;

    private final String topic = Names.unique("orders");
    private final String consumerGroup = Names.unique("shipping");
    private final OrderTraffic traffic = new OrderTraffic();

    @Test
    void noCommittedOrderIsLostWhenTheBrokerIsKilledMidStreamAndRestarted() throws Exception {
        long start = System.nanoTime();
        try (RocketMQProcesses rocketMQ = new RocketMQProcesses(Names.buildDir("broker-killed").resolve(topic))) {
            rocketMQ.createTopic(topic, 4);
            rocketMQ.createRetryTopic(consumerGroup);
            CamelContext context = new DefaultCamelContext();
            context.addRoutes(traffic.routes(topic, rocketMQ.namesrvAddr(), Names.unique("order-tx"), consumerGroup));
            context.start();
            try {
                traffic.start(context, SENDERS);
                await().atMost(Duration.ofSeconds(120)).until(() -> traffic.completed() >= ORDERS_PER_PHASE);

                rocketMQ.killBroker();
                long killedAt = System.nanoTime();
                await("sends failing during the outage").atMost(Duration.ofSeconds(60))
                        .until(() -> traffic.halfMessagesNotStored() >= 2 * SENDERS);
                assertThat(traffic.firstSendFailure()).isInstanceOf(HalfMessageNotStoredException.class)
                        .hasMessageContaining(topic).hasMessageContaining("the local transaction was not run");
                long restartAt = System.nanoTime();
                rocketMQ.startBroker();
                // The restarted broker registers its topics with the name server again.
                rocketMQ.createTopic(topic, 4);
                rocketMQ.createRetryTopic(consumerGroup);
                long outageMillis = (System.nanoTime() - killedAt) / 1_000_000;
                long restartMillis = (System.nanoTime() - restartAt) / 1_000_000;

                int beforeRestart = traffic.completed();
                await().atMost(Duration.ofSeconds(120))
                        .until(() -> traffic.completed() >= beforeRestart + ORDERS_PER_PHASE);
                traffic.stop();

                // Every order went through in the end (redelivery covered the outage), each committed once.
                Set<String> committed = traffic.committedOrders();
                assertThat(committed).hasSize(traffic.committedTransactions()).isEqualTo(traffic.ordersMeantToCommit());
                DeliveryLedger shipped = traffic.shipped();
                shipped.awaitExactly(committed, Duration.ofSeconds(90));
                System.out.printf("BrokerKilledTest: transactions=%d committed=%d delivered=%d lost=0 duplicates=%d"
                                  + " broker kills survived=1 outage=%d ms (restart and route %d ms) half messages not stored"
                                  + " (redelivered)=%d, first: %s time=%d ms%n", traffic.placed(), committed.size(),
                        shipped.distinct(), shipped.duplicates(), outageMillis, restartMillis,
                        traffic.halfMessagesNotStored(), firstLine(traffic.firstSendFailure()),
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                context.stop();
            }
        }
    }

    /** The failure's message up to the exchange details Camel appends, for a one-line report. */
    private static String firstLine(Exception failure) {
        String message = failure.getMessage();
        int details = message.indexOf(" Exchange[");
        return failure.getClass().getSimpleName() + ": " + (details > 0 ? message.substring(0, details) : message);
    }
}
