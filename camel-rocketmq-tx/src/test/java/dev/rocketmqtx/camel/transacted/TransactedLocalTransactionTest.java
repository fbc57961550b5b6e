package dev.rocketmqtx.camel.transacted;

import dev.rocketmqtx.camel.CapturedWarnings;
import dev.rocketmqtx.camel.OrderDatabase;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.producer.LocalTransactionRunner;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local-transaction route is {@code transacted()} on a real Spring JDBC transaction (H2): however the route asks
 * for a rollback, the database rolls the order back and the message must never be delivered. Camel's transaction
 * error handler clears the rollback-only-last flag when its boundary ends, so that case is the one that would commit
 * a message without its row if the component only looked at the exchange afterwards.
 */
class TransactedLocalTransactionTest extends RocketMQTxTestSupport {

    private final OrderDatabase database = new OrderDatabase(unique("orders"));

    @BindToRegistry("transactionManager")
    private final DataSourceTransactionManager transactionManager = database.transactionManager();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkUri=direct:check"));

                from("direct:local").transacted()
                        .process(e -> database.insertOrder(e.getMessage().getBody(String.class)))
                        .choice()
                        .when(body().startsWith("last")).markRollbackOnlyLast()
                        .when(body().startsWith("only")).markRollbackOnly()
                        .when(body().startsWith("dsl")).rollback("order rejected")
                        .when(body().startsWith("header")).setHeader(RocketMQTxConstants.STATUS, constant("ROLLBACK"))
                        .end();

                // The check decides from the database, as a real one does.
                from("direct:check").process(e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS,
                        database.hasOrder(e.getMessage().getBody(String.class)) ? "COMMIT" : "ROLLBACK"));

                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void committedTransactedRouteDeliversItsOrder() {
        Exchange result = send("ok-1");

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(database.hasOrder("ok-1")).isTrue();
        awaitDelivered("ok-1");
    }

    @Test
    void markRollbackOnlyLastInsideTransactedRollsBackTheMessage() {
        Exchange result = send("last-1");

        assertThat(database.hasOrder("last-1")).as("the database rolled the order back").isFalse();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        assertNeverDelivered("last-1");
    }

    @Test
    void markRollbackOnlyInsideTransactedRollsBackTheMessage() {
        Exchange result = send("only-1");

        assertThat(database.hasOrder("only-1")).as("the database rolled the order back").isFalse();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        assertNeverDelivered("only-1");
    }

    @Test
    void rollbackInsideTransactedRollsBackTheMessageAndFailsTheCaller() {
        Exchange result = send("dsl-1");

        assertThat(database.hasOrder("dsl-1")).as("the database rolled the order back").isFalse();
        assertThat(result.getException()).hasMessageContaining("order rejected");
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        assertNeverDelivered("dsl-1");
    }

    @Test
    void rollbackStatusHeaderInsideTransactedRollsBackOnlyTheMessageAndSaysSo() {
        try (CapturedWarnings warnings = CapturedWarnings.of(LocalTransactionRunner.class)) {
            Exchange result = send("header-1");

            assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
            assertThat(database.hasOrder("header-1")).as("the transaction committed before the header was read")
                    .isTrue();
            assertThat(warnings.messages()).anySatisfy(w -> assertThat(w).contains("markRollbackOnly()"));
        }
        assertNeverDelivered("header-1");
    }
}
