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
 */
class EarlyCheckTest extends RocketMQTxTestSupport {

    /** Bodies in the order the check route was asked about them. */
    private final List<String> checked = new CopyOnWriteArrayList<>();
    /** For each body, the broker's check count each check of it carried (0: the producer's early check). */
    private final Map<String, List<Integer>> checkTimes = new ConcurrentHashMap<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // Nothing remembered: every check the broker makes reaches the check route and shows in the record.
                from("direct:send").to(producerUri("&checkUri=direct:check&earlyCheckDelay=200&rememberedOutcomes=0"));
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));

                from("direct:check")
                        .process(this::recordCheck)
                        .choice()
                        .when(body().startsWith("paid")).setHeader(RocketMQTxConstants.STATUS, constant("COMMIT"))
                        .when(body().startsWith("unpaid")).setHeader(RocketMQTxConstants.STATUS, constant("ROLLBACK"))
                        // "pending" answers UNKNOWN to the early check, then COMMIT to the broker's.
                        .when(e -> checkCount(e) == 1).setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"))
                        .otherwise().setHeader(RocketMQTxConstants.STATUS, constant("COMMIT"));

                from(consumerUri("")).process(e -> record(e));
            }

            private void recordCheck(Exchange exchange) {
                String body = exchange.getMessage().getBody(String.class);
                exchange.getMessage().setBody(body);
                checked.add(body);
                checkTimes.computeIfAbsent(body, b -> new CopyOnWriteArrayList<>())
                        .add(exchange.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES, Integer.class));
            }
        };
    }

    /** Had the early check's end not reached the broker, the broker would have checked within the window. */
    private void assertOnlyTheEarlyCheckRan(String body) {
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(5)).until(() -> checked.size() == 1);
        assertThat(checkTimes.get(body)).as("check counts seen by the check route").containsExactly(0);
    }

    private long checkCount(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        return checked.stream().filter(body::equals).count();
    }

    @Test
    void earlyCheckCommitsAndTheBrokerNeverChecks() {
        template.sendBody("direct:send", "paid-1");

        awaitDelivered("paid-1");
        assertOnlyTheEarlyCheckRan("paid-1");
        assertThat(delivered).containsExactly("paid-1");
    }

    @Test
    void earlyCheckRollsBackAndTheBrokerNeverChecks() {
        template.sendBody("direct:send", "unpaid-1");

        await().atMost(Duration.ofSeconds(10)).until(() -> checked.contains("unpaid-1"));
        assertNeverDelivered("unpaid-1");
        assertOnlyTheEarlyCheckRan("unpaid-1");
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
