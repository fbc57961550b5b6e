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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example application against a real broker: the order's database transaction and its message agree.
 *
 * <p>A plain {@code @SpringBootTest}: the Camel context is the application's own, started by Spring Boot.
 */
@SpringBootTest(classes = OrderApplication.class)
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
        await().atMost(DELIVERY).until(() -> shipments.shipped().containsKey("committed-1"));
        assertThat(shipments.shipped().get("committed-1")).as("order row present when its message arrived").isTrue();
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
    void checkAnswersFromTheDatabase() {
        placeOrder("checked-1", "widget", 1);

        assertThat(check("checked-1")).isEqualTo(TransactionStatus.COMMIT);
        assertThat(check("never-placed")).isEqualTo(TransactionStatus.ROLLBACK);
    }

    private Exchange placeOrder(String orderId, String item, int quantity) {
        return template.send("direct:placeOrder", exchange -> {
            exchange.getMessage().setHeaders(Map.of("orderId", orderId, "item", item, "quantity", quantity));
            exchange.getMessage().setBody("order " + orderId + ": " + quantity + " x " + item);
        });
    }

    private Object check(String orderId) {
        return template.send("direct:checkOrder", exchange -> exchange.getMessage().setHeader("orderId", orderId))
                .getMessage().getHeader(RocketMQTxConstants.STATUS);
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
