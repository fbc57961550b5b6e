package dev.rocketmqtx.camel.grpc;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One topic, both protocols: a message the component commits through the proxy (gRPC) reaches a plain remoting
 * consumer of the broker, and a message it commits over remoting reaches its own gRPC consumer, each with the
 * transaction id, body, tag, keys and user properties it was sent with. So an application can move one side at a
 * time, and a deduplication keyed on the transaction id holds across the move.
 */
class GrpcInteropTest extends GrpcTestSupport {

    private static final Map<String, Object> HEADERS = Map.of("customer", "acme",
            RocketMQTxConstants.KEYS, "order-9 invoice-4");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&tags=created"));
                from("direct:sendOverRemoting").to("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr()
                                                   + "&producerGroup=" + producerGroup
                                                   + "&localTransaction=direct:local&tags=created");
                from("direct:local").log("saving ${body}");
            }
        };
    }

    @Test
    void remotingConsumerReadsWhatTheComponentCommitsOverGrpc() throws Exception {
        List<MessageExt> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer plain = new DefaultMQPushConsumer(unique("plain-cg"));
        plain.setNamesrvAddr(BROKER.namesrvAddr());
        plain.subscribe(topic, "*");
        plain.registerMessageListener((MessageListenerConcurrently) (messages, ctx) -> {
            received.addAll(messages);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        plain.start();
        try {
            Exchange sent = send("from-grpc", HEADERS);

            await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
            MessageExt message = received.get(0);
            String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
            assertThat(transactionId).isNotBlank();
            assertThat(message.getMsgId()).isEqualTo(transactionId);
            assertThat(message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX)).isEqualTo(transactionId);
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("from-grpc");
            assertThat(message.getTags()).isEqualTo("created");
            assertThat(message.getKeys()).isEqualTo("order-9 invoice-4");
            assertThat(message.getUserProperty("customer")).isEqualTo("acme");
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void grpcConsumerReadsWhatTheComponentCommitsOverRemoting() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri("")).process(e -> record(e));
            }
        });

        Exchange sent = template.send("direct:sendOverRemoting", e -> {
            e.getMessage().setBody("from-remoting");
            e.getMessage().getHeaders().putAll(HEADERS);
        });

        awaitDelivered("from-remoting");
        String transactionId = sent.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
        assertThat(transactionId).isNotBlank();
        assertThat(deliveredExchanges.get(0).getMessage().getHeaders())
                .containsEntry(RocketMQTxConstants.TRANSACTION_ID, transactionId)
                .containsEntry(RocketMQTxConstants.MESSAGE_ID, transactionId)
                .containsEntry(RocketMQTxConstants.TAGS, "created")
                .containsEntry(RocketMQTxConstants.KEYS, "order-9 invoice-4")
                .containsEntry("customer", "acme");
    }
}
