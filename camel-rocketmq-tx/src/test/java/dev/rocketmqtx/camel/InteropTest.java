package dev.rocketmqtx.camel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The component speaks plain RocketMQ: raw clients read what it sends, and it reads what raw clients send.
 */
class InteropTest extends RocketMQTxTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&tags=created"));
                from("direct:local").log("saving ${body}");
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void plainPushConsumerReceivesWhatTheComponentSends() throws Exception {
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
            send("from-camel", Map.of("customer", "acme", RocketMQTxConstants.KEYS, "order-9"));

            await().until(() -> !received.isEmpty());
            MessageExt message = received.get(0);
            assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("from-camel");
            assertThat(message.getTags()).isEqualTo("created");
            assertThat(message.getKeys()).isEqualTo("order-9");
            assertThat(message.getUserProperty("customer")).isEqualTo("acme");
        } finally {
            plain.shutdown();
        }
    }

    @Test
    void componentConsumerReceivesWhatAPlainTransactionProducerCommits() throws Exception {
        TransactionMQProducer plain = new TransactionMQProducer(unique("plain-pg"));
        plain.setNamesrvAddr(BROKER.namesrvAddr());
        plain.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return "commit".equals(arg) ? LocalTransactionState.COMMIT_MESSAGE : LocalTransactionState.ROLLBACK_MESSAGE;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                return LocalTransactionState.ROLLBACK_MESSAGE;
            }
        });
        plain.start();
        try {
            Message committed = new Message(topic, "raw", "raw-1", "from-raw-client".getBytes(StandardCharsets.UTF_8));
            committed.putUserProperty("origin", "raw");
            plain.sendMessageInTransaction(committed, "commit");
            plain.sendMessageInTransaction(new Message(topic, "raw-rolled-back".getBytes(StandardCharsets.UTF_8)),
                    "rollback");

            awaitDelivered("from-raw-client");
            assertThat(deliveredExchanges.get(0).getMessage().getHeaders())
                    .containsEntry(RocketMQTxConstants.TAGS, "raw")
                    .containsEntry(RocketMQTxConstants.KEYS, "raw-1")
                    .containsEntry("origin", "raw");
            assertNeverDelivered("raw-rolled-back");
        } finally {
            plain.shutdown();
        }
    }
}
