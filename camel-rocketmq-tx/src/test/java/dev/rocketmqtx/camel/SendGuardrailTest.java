package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages that cannot be sent fail before any half message exists: the local transaction never runs and nothing
 * is committed.
 */
class SendGuardrailTest extends RocketMQTxTestSupport {

    private final List<String> localTransactions = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&maxMessageSize=1024"));
                from("direct:unreachable").to("rocketmq-tx:" + topic + "?namesrvAddr=127.0.0.1:1&producerGroup="
                                              + producerGroup + "-x&localTransaction=direct:local&sendMsgTimeout=1000");
                from("direct:local").process(e -> localTransactions.add(e.getMessage().getBody(String.class)));
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    private Exchange attempt(String endpoint, Object body) {
        return template.send(endpoint, e -> e.getMessage().setBody(body));
    }

    @Test
    void nullBodyFailsBeforeSending() {
        Exchange result = attempt("direct:send", null);

        assertThat(result.getException()).isInstanceOf(InvalidPayloadException.class)
                .hasStackTraceContaining("body is null");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void emptyBodyFailsBeforeSending() {
        Exchange result = attempt("direct:send", new byte[0]);

        assertThat(result.getException()).hasStackTraceContaining("body is empty");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void oversizedBodyFailsBeforeSending() {
        Exchange result = attempt("direct:send", "x".repeat(1025));

        assertThat(result.getException()).hasStackTraceContaining("1025 bytes, over maxMessageSize=1024");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void bodyWithoutConversionToBytesFailsBeforeSending() {
        Exchange result = attempt("direct:send", new Object() {
        });

        assertThat(result.getException()).isInstanceOf(InvalidPayloadException.class);
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void headerWithSeparatorCharacterFailsBeforeSending() {
        Exchange result = send("bad-header", Map.of("note", "a\u0001b"));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Value of header note");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void delayedTransactionalMessageIsRefused() {
        Exchange result = send("delayed", Map.of("TIMER_DELAY_SEC", 30));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be delayed");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void checkImmunityTimeHeaderThatIsNoNumberFailsNamingTheHeader() {
        Exchange result = send("immune", Map.of(RocketMQTxConstants.CHECK_IMMUNITY_TIME, "soon"));

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Header CamelRocketMQTxCheckImmunityTime=soon is invalid");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void unreachableNameServerFailsClearlyWithoutRunningTheLocalTransaction() {
        Exchange result = attempt("direct:unreachable", "order-1");

        assertThat(result.getException()).isInstanceOf(HalfMessageNotStoredException.class)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageContaining("the local transaction was not run");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void nothingRejectedIsEverDelivered() {
        attempt("direct:send", null);
        attempt("direct:send", "x".repeat(1025));
        attempt("direct:send", "valid");

        awaitDelivered("valid");
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).until(() -> delivered.size() == 1);
        assertThat(localTransactions).containsExactly("valid");
    }
}
