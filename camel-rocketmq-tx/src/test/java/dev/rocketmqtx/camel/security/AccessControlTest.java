package dev.rocketmqtx.camel.security;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static dev.rocketmqtx.camel.security.AccessControlledBroker.AUDITOR;
import static dev.rocketmqtx.camel.security.AccessControlledBroker.AUDITOR_SECRET;
import static dev.rocketmqtx.camel.security.AccessControlledBroker.ORDER_SERVICE;
import static dev.rocketmqtx.camel.security.AccessControlledBroker.ORDER_SERVICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker with authentication and authorization on: the access key and secret key reach every client of the
 * component (producer, its heartbeats that make it checkable, consumer), and refused credentials or permissions fail
 * the caller's exchange before any local transaction runs.
 */
@OwnJvm
class AccessControlTest extends SecurityTestSupport {

    private static final EmbeddedRocketMQ BROKER = AccessControlledBroker.get();

    @BindToRegistry("commitCheck")
    private final Processor commitCheck = e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");

    AccessControlTest() {
        AccessControlledBroker.createTopic(topic, consumerGroup);
    }

    private String producerUri(String group, String accessKey, String secretKey) {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&producerGroup=" + group
               + "&localTransaction=direct:local&checkProcessor=#commitCheck"
               + "&accessKey=" + accessKey + "&secretKey=RAW(" + secretKey + ")";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(producerGroup, ORDER_SERVICE, ORDER_SERVICE_SECRET));
                from("direct:sendWithWrongSecret").to(producerUri(unique("pg"), ORDER_SERVICE, "not-the-secret"));
                from("direct:sendAsAuditor").to(producerUri(unique("pg"), AUDITOR, AUDITOR_SECRET));

                from("direct:local")
                        .process(e -> recordLocalTransaction(e))
                        .filter(body().startsWith("unknown"))
                        .setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));

                from("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup="
                     + consumerGroup + "&accessKey=" + ORDER_SERVICE + "&secretKey=RAW(" + ORDER_SERVICE_SECRET + ")")
                        .process(e -> recordDelivery(e));
            }
        };
    }

    @Test
    void committedMessageReachesAnAuthenticatedConsumer() {
        Exchange sent = send("direct:send", "order-1");

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("order-1");
    }

    /**
     * The broker sends the check to a producer it knows from authenticated heartbeats, and the producer's answer is
     * an authenticated request too: the delivery proves both.
     */
    @Test
    void unknownOutcomeIsResolvedByTheCheckWithAuthenticationOn() {
        Exchange sent = send("direct:send", "unknown-1");

        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("unknown-1");
    }

    @Test
    void wrongSecretFailsTheExchangeWithAnAuthenticationErrorAndRunsNoLocalTransaction() {
        Exchange sent = send("direct:sendWithWrongSecret", "order-2");

        assertThat(sent.getException())
                .isInstanceOf(HalfMessageNotStoredException.class)
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("accessKey " + ORDER_SERVICE)
                .hasMessageNotContaining("not-the-secret");
        assertThat(localTransactions).doesNotContain("order-2");
    }

    @Test
    void userWithoutPublishPermissionGetsAnAuthorizationErrorAndRunsNoLocalTransaction() {
        Exchange sent = send("direct:sendAsAuditor", "order-3");

        assertThat(sent.getException())
                .isInstanceOf(HalfMessageNotStoredException.class)
                .hasMessageContaining("not authorized")
                .hasMessageContaining("accessKey " + AUDITOR)
                .hasMessageContaining(topic)
                .hasMessageNotContaining(AUDITOR_SECRET);
        assertThat(localTransactions).doesNotContain("order-3");
    }
}
