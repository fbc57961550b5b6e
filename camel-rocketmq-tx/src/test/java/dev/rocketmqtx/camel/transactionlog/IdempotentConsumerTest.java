package dev.rocketmqtx.camel.transactionlog;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.OrderDatabase;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import dev.rocketmqtx.camel.UnendedHalfMessage;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * idempotentRepository on the consumer: each transaction reaches the route once, even when the broker delivers it
 * twice; the key is added in the route's database transaction, and a failed exchange leaves no key.
 */
class IdempotentConsumerTest extends RocketMQTxTestSupport {

    private static final String SEEN = "shipping-seen";

    private final OrderDatabase database = new OrderDatabase(unique("shipping"));
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @BindToRegistry("transactionManager")
    private final DataSourceTransactionManager transactionManager = database.transactionManager();

    @BindToRegistry("seen")
    private final JdbcMessageIdRepository seen = database.repository(SEEN);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(""));
                from("direct:local").log("order ${body}");
                from(consumerUri("&idempotentRepository=#seen")).routeId("shipping").transacted()
                        .process(e -> {
                            String body = e.getMessage().getBody(String.class);
                            // The shipment row: part of the route's database transaction.
                            database.insertOrder(body + "-" + attempts.computeIfAbsent(body, b -> new AtomicInteger())
                                    .incrementAndGet());
                            if (body.startsWith("fails-once") && attempts.get(body).get() == 1) {
                                throw new IllegalStateException("carrier unavailable");
                            }
                        })
                        .process(e -> record(e));
            }
        };
    }

    @Test
    void aTransactionTheBrokerDeliversTwiceReachesTheRouteOnce() throws Exception {
        Exchange sent = send("twice-1");
        String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        awaitDelivered("twice-1");
        // A stray copy with the same transaction id: the broker commits and delivers it too.
        UnendedHalfMessage.leave(BROKER, producerGroup, topic, "twice-1", transactionId);

        RocketMQTxEndpoint consumer = context.getEndpoint(consumerUri("&idempotentRepository=#seen"),
                RocketMQTxEndpoint.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.getStatistics().getConsumedDuplicates() == 1);
        assertThat(delivered).containsExactly("twice-1");
        assertThat(database.logged(SEEN, transactionId)).isTrue();
    }

    @Test
    void aFailedExchangeLeavesNoKeyAndNoRowSoItsRedeliveryIsRouted() {
        Exchange sent = send("fails-once-1");
        String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);

        awaitDelivered("fails-once-1");
        assertThat(attempts.get("fails-once-1")).hasValue(2);
        assertThat(database.hasOrder("fails-once-1-1")).as("the failed attempt's row rolled back with its key").isFalse();
        assertThat(database.hasOrder("fails-once-1-2")).isTrue();
        assertThat(database.logged(SEEN, transactionId)).isTrue();
    }
}
