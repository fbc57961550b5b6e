package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * earlyCheckDelay: a transaction whose local transaction answered UNKNOWN is checked by the producer itself, shortly
 * after, and ended with the check's answer, without waiting for the broker's check.
 * <p>
 * The check route tells the two apart by the check count: 0 for the producer's early check, 1 and more for the
 * broker's. It answers the two differently, so that what the consumer sees proves which answer reached the broker.
 */
class EarlyCheckTest extends RocketMQTxTestSupport {

    /** For each body, the check count of every check of it that reached the check route, in order. */
    private final Map<String, List<Integer>> checkTimes = new ConcurrentHashMap<>();
    /** For each body, the headers of each check of it, in order. */
    private final Map<String, List<Map<String, Object>>> checkHeaders = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Nothing remembered: every check reaches the route, so the route sees what the broker asks.
                from("direct:send").to(producerUri("&checkUri=direct:check&earlyCheckDelay=200&rememberedOutcomes=0"));
                // Remembered outcomes on (the default): a broker check after the early one is answered from memory.
                from("direct:sendRemembering").to(producerUri("&checkUri=direct:check&earlyCheckDelay=200&tags=r")
                        .replace(producerGroup, producerGroup + "-remembering"));
                // An early check far later than the broker's first check: the broker decides first.
                from("direct:sendLate").to(producerUri("&checkUri=direct:check&earlyCheckDelay=6000"
                                                       + "&rememberedOutcomes=0&tags=late")
                        .replace(producerGroup, producerGroup + "-late"));
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));

                from("direct:check")
                        .process(this::recordCheck)
                        .choice()
                        // Only the early check commits "paid": were its end lost, the broker's checks would roll back.
                        .when(body().startsWith("paid")).process(e -> answer(e, isEarly(e) ? "COMMIT" : "ROLLBACK"))
                        // Only the early check rolls "unpaid" back: the broker's checks would commit it.
                        .when(body().startsWith("unpaid")).process(e -> answer(e, isEarly(e) ? "ROLLBACK" : "COMMIT"))
                        .when(body().startsWith("late")).process(e -> answer(e, "COMMIT"))
                        // "pending" is still undecided at the early check, and paid by the time the broker asks.
                        .otherwise().process(e -> answer(e, isEarly(e) ? "UNKNOWN" : "COMMIT"));

                from(consumerUri("")).process(e -> record(e));
            }

            private void recordCheck(Exchange exchange) {
                String body = exchange.getMessage().getBody(String.class);
                exchange.getMessage().setBody(body);
                checkTimes.computeIfAbsent(body, b -> new CopyOnWriteArrayList<>())
                        .add(exchange.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES, Integer.class));
                checkHeaders.computeIfAbsent(body, b -> new CopyOnWriteArrayList<>())
                        .add(Map.copyOf(exchange.getMessage().getHeaders()));
            }
        };
    }

    private static void answer(Exchange exchange, String status) {
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, status);
    }

    private static boolean isEarly(Exchange exchange) {
        return exchange.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES, Integer.class) == 0;
    }

    @Test
    void earlyCheckCommitsWithoutTheBroker() {
        template.sendBody("direct:send", "paid-1");

        awaitDelivered("paid-1");
        assertThat(checkTimes.get("paid-1").get(0)).as("the first check is the producer's").isZero();
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(5))
                .until(() -> delivered.stream().filter("paid-1"::equals).count() == 1);
    }

    @Test
    void earlyCheckRollbackReachesTheBrokerAndIsNeverDelivered() {
        // Keeps the broker from checking the message for 30 s: an end recorded before then is the producer's own.
        Exchange sent = template.request("direct:sendRemembering", e -> {
            e.getMessage().setBody("unpaid-1");
            e.getMessage().setHeader(RocketMQTxConstants.CHECK_IMMUNITY_TIME, 30);
        });
        long halfOffset = sent.getMessage().getHeader(RocketMQTxConstants.QUEUE_OFFSET, Long.class);

        await().atMost(Duration.ofSeconds(20)).until(() -> HalfMessageEnds.recordedAt(BROKER, halfOffset) > 0);
        assertThat(checkTimes.get("unpaid-1")).as("only the producer's early check asked").containsExactly(0);
        assertNeverDelivered("unpaid-1");
    }

    @Test
    void earlyCheckUnknownLeavesTheTransactionToTheBrokersCheck() {
        template.sendBody("direct:send", "pending-1");

        awaitDelivered("pending-1");
        List<Integer> times = checkTimes.get("pending-1");
        assertThat(times).hasSizeGreaterThanOrEqualTo(2);
        assertThat(times.get(0)).as("the early check comes first").isZero();
        assertThat(times.get(1)).as("then the broker's").isPositive();
    }

    @Test
    void earlyCheckOfATransactionTheBrokersCheckDecidedFirstDoesNothing() {
        RocketMQTxEndpoint endpoint = context.getEndpoint(producerUri("&checkUri=direct:check&earlyCheckDelay=6000"
                                                                      + "&rememberedOutcomes=0&tags=late")
                .replace(producerGroup, producerGroup + "-late"), RocketMQTxEndpoint.class);
        template.sendBody("direct:sendLate", "late-1");

        awaitDelivered("late-1");
        await().atMost(Duration.ofSeconds(20)).until(() -> endpoint.getStatistics().getEarlyChecksSkipped() == 1);
        assertThat(checkTimes.get("late-1")).as("no check with count 0: the early check never asked").doesNotContain(0);
        assertThat(endpoint.getStatistics().getEarlyChecks()).isZero();
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(5))
                .until(() -> delivered.stream().filter("late-1"::equals).count() == 1);
    }

    @Test
    void earlyAndBrokerChecksSeeTheSameHeaders() {
        template.sendBodyAndHeaders("direct:send", "pending-2",
                Map.of(RocketMQTxConstants.KEYS, "order-2", "orderId", 2));

        awaitDelivered("pending-2");
        List<Map<String, Object>> checks = checkHeaders.get("pending-2");
        Map<String, Object> early = checks.get(0);
        Map<String, Object> broker = checks.get(1);
        assertThat(early.keySet()).isEqualTo(broker.keySet());
        for (String header : List.of(RocketMQTxConstants.TRANSACTION_ID, RocketMQTxConstants.MESSAGE_ID,
                RocketMQTxConstants.KEYS, RocketMQTxConstants.TOPIC, RocketMQTxConstants.QUEUE_ID,
                "orderId")) {
            assertThat(early.get(header)).as(header).isEqualTo(broker.get(header));
        }
        assertThat((Long) early.get(RocketMQTxConstants.BORN_TIMESTAMP))
                .as("born time, within the send").isCloseTo((Long) broker.get(RocketMQTxConstants.BORN_TIMESTAMP),
                        org.assertj.core.data.Offset.offset(3000L));
    }
}
