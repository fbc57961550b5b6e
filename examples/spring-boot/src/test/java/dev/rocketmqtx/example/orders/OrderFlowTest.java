package dev.rocketmqtx.example.orders;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example application against a real broker: the order's database transaction and its message agree, and the
 * transaction log answers the broker's checks.
 *
 * <p>A plain {@code @SpringBootTest}: the Camel context is the application's own, started by Spring Boot.
 */
@SpringBootTest(classes = OrderApplication.class)
@Import(OrderFlowTest.EndLostRoutes.class)
class OrderFlowTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();

    /**
     * Longer than the broker's transaction timeout plus one check interval and a margin: a rolled-back order that
     * has not arrived after this will not arrive, because the broker has settled every half message by then.
     */
    private static final Duration CHECK_WINDOW = Duration.ofSeconds(4);
    private static final Duration DELIVERY = Duration.ofSeconds(30);

    /** Names of this run, so that a broker store left by an earlier run cannot deliver old orders. */
    private static final String RUN = ProcessHandle.current().pid() + "-" + System.currentTimeMillis();

    @DynamicPropertySource
    static void rocketmq(DynamicPropertyRegistry registry) {
        String topic = "orders-" + RUN;
        String shippingGroup = "shipping-" + RUN;
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(shippingGroup);
        registry.add("camel.component.rocketmq-tx.namesrv-addr", BROKER::namesrvAddr);
        registry.add("orders.topic", () -> topic);
        registry.add("orders.producer-group", () -> "orders-tx-" + RUN);
        registry.add("orders.shipping-group", () -> shippingGroup);
    }

    /**
     * The application's producer once more, with a local transaction whose end never reaches the broker: it saves the
     * order with the application's own route, then answers UNKNOWN, as if its COMMIT had been lost on the way.
     */
    @TestConfiguration
    static class EndLostRoutes {
        @Bean
        RouteBuilder endLostRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:placeOrderEndLost")
                            .to("rocketmq-tx:{{orders.topic}}?producerGroup={{orders.producer-group}}"
                                + "&localTransaction=direct:saveOrderEndLost&transactionLog=#orderLog"
                                + "&localTransactionTimeout={{orders.local-transaction-timeout}}");
                    from("direct:saveOrderEndLost")
                            .to("direct:saveOrder")
                            .setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN));
                }
            };
        }
    }

    @Autowired
    private ProducerTemplate template;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private Shipments shipments;

    @Test
    void committedOrderIsInTheDatabaseAndShipped() {
        Exchange result = placeOrder("committed-1", "widget", 2);

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(ordersInDatabase(List.of("committed-1"))).containsExactly("committed-1");
        assertThat(logged("order-log", transactionId(result))).as("in the transaction log").isTrue();
        await().atMost(DELIVERY).until(() -> shipments.shipped().containsKey("committed-1"));
        assertThat(shipments.shipped().get("committed-1")).as("order row present when its message arrived").isTrue();
        await().atMost(DELIVERY).until(() -> logged("shipping", transactionId(result)));
    }

    @Test
    void orderTheStockCannotCoverIsRolledBackInTheDatabaseAndNeverShipped() {
        int stockBefore = stock("gadget");

        Exchange result = placeOrder("too-large-1", "gadget", 1_000_000);

        // the transaction error handler wraps the route's failure
        assertThat(result.getException()).hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        // both statements of the local transaction are undone: no order row, and the stock is untouched
        assertThat(ordersInDatabase(List.of("too-large-1"))).isEmpty();
        assertThat(stock("gadget")).isEqualTo(stockBefore);
        assertThat(logged("order-log", transactionId(result))).as("in the transaction log").isFalse();
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(10))
                .until(() -> !shipments.shipped().containsKey("too-large-1"));
    }

    @Test
    void shippingReceivesExactlyTheOrdersTheDatabaseKept() {
        // every third order asks for more than is in stock and rolls back
        List<String> ids = IntStream.range(0, 12).mapToObj(i -> "mixed-" + i).toList();
        for (int i = 0; i < ids.size(); i++) {
            placeOrder(ids.get(i), "widget", i % 3 == 2 ? 1_000_000 : 1);
        }
        Set<String> kept = ordersInDatabase(ids);
        assertThat(kept).hasSize(8);

        await().atMost(DELIVERY).until(() -> shipments.shipped().keySet().containsAll(kept));
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(10))
                .until(() -> shippedAmong(ids).equals(kept));
        assertThat(shipments.shipped()).as("order row present when its message arrived")
                .containsAllEntriesOf(kept.stream().collect(Collectors.toMap(id -> id, id -> true)));
    }

    @Test
    void orderWhoseEndTheBrokerNeverHearsIsCommittedFromTheTransactionLog() {
        Exchange result = template.send("direct:placeOrderEndLost", exchange -> {
            exchange.getMessage().setHeaders(Map.of("orderId", "end-lost-1", "item", "widget", "quantity", 1));
            exchange.getMessage().setBody("order end-lost-1: 1 x widget");
        });

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(logged("order-log", transactionId(result))).isTrue();
        // Only the broker's check can commit it now, and the application has no check code: the log answers.
        await().atMost(DELIVERY).until(() -> shipments.shipped().containsKey("end-lost-1"));
        assertThat(shipments.shipped().get("end-lost-1")).as("order row present when its message arrived").isTrue();
    }

    private boolean logged(String processorName, String transactionId) {
        Integer entries = jdbc.queryForObject("select count(*) from CAMEL_MESSAGEPROCESSED where processorName = ? and"
                                              + " messageId = ?", Integer.class, processorName, transactionId);
        return entries != null && entries > 0;
    }

    private static String transactionId(Exchange exchange) {
        return exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
    }

    private Exchange placeOrder(String orderId, String item, int quantity) {
        return template.send("direct:placeOrder", exchange -> {
            exchange.getMessage().setHeaders(Map.of("orderId", orderId, "item", item, "quantity", quantity));
            exchange.getMessage().setBody("order " + orderId + ": " + quantity + " x " + item);
        });
    }

    private Set<String> ordersInDatabase(List<String> ids) {
        return new HashSet<>(jdbc.queryForList("select id from orders", String.class)).stream()
                .filter(ids::contains).collect(Collectors.toSet());
    }

    private Set<String> shippedAmong(List<String> ids) {
        return shipments.shipped().keySet().stream().filter(ids::contains).collect(Collectors.toSet());
    }

    private int stock(String item) {
        return jdbc.queryForObject("select available from stock where item = ?", Integer.class, item);
    }
}
