package dev.rocketmqtx.camel;

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
 * broker's. Nothing is remembered (rememberedOutcomes=0), so every check reaches the route.
 */
class EarlyCheckTest extends RocketMQTxTestSupport {

    /** For each body, the check count of every check of it, in order. */
    private final Map<String, List<Integer>> checkTimes = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkUri=direct:check&earlyCheckDelay=200&rememberedOutcomes=0"));
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));

                from("direct:check")
                        .process(this::recordCheck)
                        .choice()
                        // Only the early check commits "paid": were its end lost, the broker's checks would roll back.
                        .when(body().startsWith("paid")).process(e -> answer(e, isEarly(e) ? "COMMIT" : "ROLLBACK"))
                        .when(body().startsWith("unpaid")).setHeader(RocketMQTxConstants.STATUS, constant("ROLLBACK"))
                        // "pending" is still undecided at the early check, and paid by the time the broker asks.
                        .otherwise().process(e -> answer(e, isEarly(e) ? "UNKNOWN" : "COMMIT"));

                from(consumerUri("")).process(e -> record(e));
            }

            private void recordCheck(Exchange exchange) {
                String body = exchange.getMessage().getBody(String.class);
                exchange.getMessage().setBody(body);
                checkTimes.computeIfAbsent(body, b -> new CopyOnWriteArrayList<>())
                        .add(exchange.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES, Integer.class));
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
    void earlyCheckRollbackIsNeverDelivered() {
        template.sendBody("direct:send", "unpaid-1");

        await().atMost(CHECK_WINDOW).until(() -> checkTimes.containsKey("unpaid-1"));
        assertThat(checkTimes.get("unpaid-1").get(0)).as("the first check is the producer's").isZero();
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
}
