package dev.rocketmqtx.camel;

import java.util.Map;

import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RollbackExchangeException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each row of the outcome table: how the local-transaction route ends decides whether consumers see the message.
 */
class LocalTransactionOutcomeTest extends RocketMQTxTestSupport {

    /** Answers every check COMMIT, so UNKNOWN outcomes become visible once the broker checks. */
    @BindToRegistry("commitCheck")
    private final Processor commitCheck = e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkProcessor=#commitCheck"));
                // Its own producer group: the broker sends a check to any producer of the group, and the test that
                // counts checks reads the statistics of the endpoint above.
                from("direct:sendUnknownOnException")
                        .to(producerUri("&checkProcessor=#commitCheck&exceptionStatus=UNKNOWN&tags=onException")
                                .replace(producerGroup, producerGroup + "-unknown"));

                from("direct:local")
                        .choice()
                        .when(body().startsWith("header-")).setHeader(RocketMQTxConstants.STATUS,
                                simple("${body.substring(7).toUpperCase()}"))
                        .when(body().startsWith("rollback-only")).markRollbackOnly()
                        .when(body().startsWith("rollback-dsl")).rollback("rejected by the local transaction")
                        .when(body().startsWith("exception"))
                        .throwException(new IllegalStateException("database is down"))
                        .when(body().startsWith("invalid-status"))
                        .setHeader(RocketMQTxConstants.STATUS, constant("MAYBE"))
                        .end()
                        .setBody(simple("saved ${body}"));

                from(consumerUri("")).process(this::record);
            }

            private void record(Exchange exchange) {
                LocalTransactionOutcomeTest.this.record(exchange);
            }
        };
    }

    @Test
    void routeThatCompletesNormallyCommits() {
        Exchange result = send("plain");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("plain");
    }

    @Test
    void statusHeaderCommitCommits() {
        Exchange result = send("header-commit");

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("header-commit");
    }

    @Test
    void statusHeaderRollbackRollsBack() {
        Exchange result = send("header-rollback");
        send("plain");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("plain");
        assertNeverDelivered("header-rollback");
    }

    @Test
    void statusHeaderUnknownLeavesTheDecisionToTheCheck() {
        Exchange result = send("header-unknown");

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("header-unknown");
        assertThat(producerEndpoint("&checkProcessor=#commitCheck").getStatistics().getCheckCommit()).isPositive();
    }

    @Test
    void statusHeaderAcceptsRocketMQsOwnNames() {
        Exchange result = send("header-rollback_message");

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
    }

    @Test
    void rollbackOnlyRollsBackWithoutFailingTheCaller() {
        Exchange result = send("rollback-only");
        send("plain");

        assertThat(result.getException()).isNull();
        assertThat(result.isRollbackOnly()).isTrue();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("plain");
        assertNeverDelivered("rollback-only");
    }

    @Test
    void exceptionRollsBackAndFailsTheCallerWithThatException() {
        Exchange result = send("exception");
        send("plain");

        assertThat(result.getException()).isInstanceOf(IllegalStateException.class).hasMessage("database is down");
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("plain");
        assertNeverDelivered("exception");
    }

    @Test
    void rollbackInTheRouteRollsBack() {
        Exchange result = send("rollback-dsl");
        send("plain");

        assertThat(result.getException()).isInstanceOf(RollbackExchangeException.class);
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("plain");
        assertNeverDelivered("rollback-dsl");
    }

    @Test
    void exceptionWithExceptionStatusUnknownLetsTheCheckDecide() {
        Exchange result = template.send("direct:sendUnknownOnException", e -> e.getMessage().setBody("exception-2"));

        assertThat(result.getException()).isInstanceOf(IllegalStateException.class);
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("exception-2");
    }

    @Test
    void invalidStatusHeaderFailsTheCallerAndRollsBack() {
        Exchange result = send("invalid-status");
        send("plain");

        assertThat(result.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAYBE");
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        awaitDelivered("plain");
        assertNeverDelivered("invalid-status");
    }

    @Test
    void staleStatusHeaderOnTheCallerDoesNotDecide() {
        Exchange result = send("plain-with-stale", Map.of(RocketMQTxConstants.STATUS, "ROLLBACK"));

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("plain-with-stale");
    }
}
