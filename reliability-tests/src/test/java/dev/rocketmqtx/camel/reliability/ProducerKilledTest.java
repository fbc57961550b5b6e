package dev.rocketmqtx.camel.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer JVM is SIGKILLed after its local transactions decided (rows committed or rolled back in the database) and
 * before it told the broker. A new instance of the same producer group, with a check that looks the transaction up in
 * the database, resolves every half message: exactly the committed orders are delivered, none is lost.
 */
class ProducerKilledTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final int ORDERS = 20;
    /** Transaction timeout + check interval + margin: after it, the broker has settled every half message. */

    private final String topic = Names.unique("orders");
    private final String producerGroup = Names.unique("order-tx");
    private final String consumerGroup = Names.unique("shipping");
    private final DeliveryLedger shipped = new DeliveryLedger();
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicLong slowestCheckMillis = new AtomicLong();
    /**
     * The most check rounds the broker had spent on one of these half messages when the successor answered. Rounds
     * while the producer hung (answering UNKNOWN) or was dead count toward the broker's transactionCheckMax (15 by
     * default, raised for this test by {@link CheckBudget}): this is the margin used.
     */
    private final AtomicInteger mostCheckRounds = new AtomicInteger();

    @Test
    void ordersOfAKilledProducerAreDeliveredIfAndOnlyIfTheirRowsCommitted() throws Exception {
        long start = System.nanoTime();
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
        OrderTable orders = OrderTable.at(Names.buildDir("producer-killed").resolve(topic).resolve("orders"));
        orders.create();

        try (CheckBudget budget = CheckBudget.raiseForKillTest(BROKER); CamelContext shipping = startShipping()) {
            Set<String> committedBeforeKill;
            try (ChildJvm producer = ChildJvm.start("producer", Names.buildDir("producer-killed").resolve(topic),
                    List.of("-Xmx256m"), Map.of(), KilledProducerApp.class,
                    BROKER.namesrvAddr(), topic, producerGroup, orders.url(), Integer.toString(ORDERS))) {
                List<String> decided = producer.awaitLines(line -> line.startsWith(KilledProducerApp.DECIDED), ORDERS,
                        Duration.ofSeconds(90));
                producer.kill();
                committedBeforeKill = decided.stream().filter(line -> line.endsWith(" COMMITTED"))
                        .map(line -> line.split(" ")[1]).collect(Collectors.toSet());
            }
            // The database kept every commit of the dead JVM, and nothing reached the consumer: no COMMIT was sent.
            Set<String> rows = orders.all().keySet();
            assertThat(rows).isEqualTo(committedBeforeKill).hasSize(ORDERS / 2);
            assertThat(shipped.distinct()).isZero();

            try (CamelContext successor = startSuccessor(orders.keptOpen())) {
                shipped.awaitExactly(rows, Duration.ofSeconds(60));
            }
        }
        System.out.printf("ProducerKilledTest: transactions=%d killed producers=1 committed rows=%d delivered=%d"
                          + " lost=0 duplicates=%d %s checks=%d slowest check=%d ms most check rounds=%d time=%d ms%n", ORDERS,
                ORDERS / 2, shipped.distinct(), shipped.duplicates(), shipped.duplicated(), checks.get(),
                slowestCheckMillis.get(), mostCheckRounds.get(), (System.nanoTime() - start) / 1_000_000);
    }

    private CamelContext startShipping() throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup="
                     + consumerGroup + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(exchange -> shipped.record(exchange.getMessage().getHeader("orderId", String.class)));
            }
        });
        context.start();
        return context;
    }

    /** Same producer group as the dead JVM; its check decides from the database alone. */
    private CamelContext startSuccessor(OrderTable orders) throws Exception {
        CamelContext context = new DefaultCamelContext();
        Processor orderCheck = exchange -> {
            long begin = System.nanoTime();
            String transactionId = exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS,
                    orders.committed(transactionId) ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
            checks.incrementAndGet();
            mostCheckRounds.accumulateAndGet(exchange.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES, 0,
                    Integer.class), Math::max);
            slowestCheckMillis.accumulateAndGet((System.nanoTime() - begin) / 1_000_000, Math::max);
        };
        context.getRegistry().bind("orderCheck", orderCheck);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:placeOrder").to("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr()
                                             + "&producerGroup=" + producerGroup + "&localTransaction=direct:saveOrder"
                                             + "&checkProcessor=#orderCheck");
                from("direct:saveOrder").log("not used: this instance only answers checks");
            }
        });
        context.start();
        return context;
    }
}
