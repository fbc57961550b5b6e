package dev.rocketmqtx.camel;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the local transaction sees, what the caller gets back, and what the consumer receives.
 */
class MessageMappingTest extends RocketMQTxTestSupport {

    private final List<Exchange> localTransactions = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&tags=created"));
                from("direct:local")
                        .process(e -> localTransactions.add(e.copy()))
                        .setBody(simple("row ${body} inserted"))
                        .setHeader("orderRow", constant(17));
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void localTransactionSeesTheMessageAsSentWithItsIds() {
        send("order-1", Map.of("customer", "acme"));

        Exchange local = localTransactions.get(0);
        assertThat(local.getMessage().getBody(String.class)).isEqualTo("order-1");
        assertThat(local.getMessage().getHeader("customer")).isEqualTo("acme");
        assertThat(local.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class)).isNotBlank();
        assertThat(local.getMessage().getHeader(RocketMQTxConstants.MESSAGE_ID, String.class)).isNotBlank();
    }

    @Test
    void callerGetsTheLocalTransactionsResultAndTheSendResult() {
        Exchange result = send("order-2");

        org.apache.camel.Message out = result.getMessage();
        assertThat(out.getBody(String.class)).isEqualTo("row order-2 inserted");
        assertThat(out.getHeader("orderRow")).isEqualTo(17);
        assertThat(out.getHeaders()).containsKeys(RocketMQTxConstants.TRANSACTION_ID, RocketMQTxConstants.MESSAGE_ID,
                RocketMQTxConstants.QUEUE_ID, RocketMQTxConstants.QUEUE_OFFSET, RocketMQTxConstants.BROKER_NAME);
        assertThat(out.getHeader(RocketMQTxConstants.SEND_STATUS)).isEqualTo("SEND_OK");
        assertThat(out.getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
    }

    @Test
    void consumerReceivesBodyPropertiesAndMetadata() {
        Exchange sent = send("order-3", Map.of(
                "customer", "acme",
                "amount", 250,
                RocketMQTxConstants.KEYS, List.of("order-3", "acme"),
                "CamelInternalThing", "must not travel"));

        awaitDelivered("order-3");
        org.apache.camel.Message received = deliveredExchanges.get(0).getMessage();
        assertThat(received.getBody()).isEqualTo("order-3".getBytes());
        assertThat(received.getHeaders())
                .containsEntry("customer", "acme")
                .containsEntry("amount", "250")
                .containsEntry(RocketMQTxConstants.TAGS, "created")
                .containsEntry(RocketMQTxConstants.KEYS, "order-3 acme")
                .containsEntry(RocketMQTxConstants.TOPIC, topic)
                .containsEntry(RocketMQTxConstants.RECONSUME_TIMES, 0)
                .containsEntry(RocketMQTxConstants.TRANSACTION_ID,
                        sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID))
                .containsEntry(RocketMQTxConstants.MESSAGE_ID, sent.getMessage().getHeader(RocketMQTxConstants.MESSAGE_ID))
                .doesNotContainKey("CamelInternalThing")
                .doesNotContainKey("orderRow")
                .containsKeys(RocketMQTxConstants.BORN_TIMESTAMP, RocketMQTxConstants.STORE_TIMESTAMP,
                        RocketMQTxConstants.QUEUE_ID, RocketMQTxConstants.QUEUE_OFFSET, RocketMQTxConstants.BROKER_NAME);
        assertThat(received.getHeaders().keySet()).noneMatch(name -> name.equals("UNIQ_KEY") || name.equals("TAGS"));
    }

    @Test
    void tagHeaderOverridesTheEndpointTag() {
        send("order-4", Map.of(RocketMQTxConstants.TAGS, "express"));

        awaitDelivered("order-4");
        assertThat(deliveredExchanges.get(0).getMessage().getHeader(RocketMQTxConstants.TAGS)).isEqualTo("express");
    }
}
