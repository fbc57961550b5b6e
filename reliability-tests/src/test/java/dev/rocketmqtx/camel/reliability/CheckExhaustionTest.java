package dev.rocketmqtx.camel.reliability;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A transaction that stays UNKNOWN through every check: once the broker's transactionCheckMax is used up, the broker
 * moves the half message to the system topic TRANS_CHECK_MAX_TIME_TOPIC. It is never delivered to its topic, and it is
 * not rolled back either: an operator reads it there, decides from the business data, and re-sends it.
 */
class CheckExhaustionTest {

    private static final int CHECK_MAX = 3;
    private static final String DISCARDED_TOPIC = TopicValidator.RMQ_SYS_TRANS_CHECK_MAX_TIME_TOPIC;

    private final String topic = Names.unique("orders");
    private final String consumerGroup = Names.unique("shipping");
    private final DeliveryLedger shipped = new DeliveryLedger();
    private final List<MessageExt> discarded = new CopyOnWriteArrayList<>();
    /** Checks of the unresolvable transaction. */
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void aTransactionUnknownPastTheCheckMaximumIsParkedInTheCheckMaxTopicAndNeverDelivered() throws Exception {
        long start = System.nanoTime();
        // A broker of its own: the check maximum is a broker setting, and 3 instead of 15 keeps the test short.
        try (EmbeddedRocketMQ broker = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults()
                .transactionCheckMax(CHECK_MAX).brokerName("broker-check-max"))) {
            broker.createTopic(topic);
            broker.createRetryTopic(consumerGroup);
            // The broker creates this topic itself on the first discard, but publishes its route only with its next
            // periodic registration; creating it up front lets the operator's consumer find it at once.
            broker.createTopic(DISCARDED_TOPIC, 1);
            DefaultMQPushConsumer operator = startOperatorConsumer(broker.namesrvAddr());
            CamelContext context = startCamel(broker.namesrvAddr());
            try {
                context.createProducerTemplate().sendBodyAndHeader("direct:placeOrder", "order stuck", "orderId",
                        "order-stuck");
                context.createProducerTemplate().sendBodyAndHeader("direct:placeOrder", "order fine", "orderId",
                        "order-fine");

                await("the unresolvable transaction parked in " + DISCARDED_TOPIC).atMost(Duration.ofSeconds(60))
                        .until(() -> !discarded.isEmpty());
                MessageExt parked = discarded.get(0);
                assertThat(parked.getUserProperty("orderId")).isEqualTo("order-stuck");
                assertThat(parked.getUserProperty(MessageConst.PROPERTY_REAL_TOPIC)).isEqualTo(topic);
                assertThat(checks.get()).as("checks answered before the broker gave up").isBetween(1, CHECK_MAX);
                // The resolvable order went through; the parked one was never delivered and stays undelivered.
                await().atMost(Duration.ofSeconds(30)).until(() -> shipped.keys().contains("order-fine"));
                await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(15))
                        .until(() -> !shipped.keys().contains("order-stuck"));
                int checksWhenParked = checks.get();

                // The operator's recovery: the business data says the order was paid, so send it again, as a new
                // transaction that commits (the parked copy is left where it is, as the audit record).
                context.createProducerTemplate().sendBodyAndHeader("direct:recover", parked.getBody(), "orderId",
                        parked.getUserProperty("orderId"));
                await("the recovered order delivered").atMost(Duration.ofSeconds(30))
                        .until(() -> shipped.keys().contains("order-stuck"));
                assertThat(shipped.duplicates()).isZero();
                System.out.printf("CheckExhaustionTest: transactions=3 (1 unresolvable, 1 committed, 1 recovery)"
                                  + " checks before parking=%d parked=%d delivered before recovery=0 lost=0"
                                  + " duplicates=%d time=%d ms%n", checksWhenParked, discarded.size(),
                        shipped.duplicates(), (System.nanoTime() - start) / 1_000_000);
            } finally {
                context.stop();
                operator.shutdown();
            }
        }
    }

    private DefaultMQPushConsumer startOperatorConsumer(String namesrvAddr) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(Names.unique("operator"));
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(DISCARDED_TOPIC, "*");
        consumer.registerMessageListener((org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently)
                (messages, ignored) -> {
                    discarded.addAll(messages);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
        consumer.start();
        return consumer;
    }

    private CamelContext startCamel(String namesrvAddr) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("paymentCheck", (org.apache.camel.Processor) exchange -> {
            String orderId = exchange.getMessage().getHeader("orderId", String.class);
            if ("order-stuck".equals(orderId)) {
                checks.incrementAndGet();
            }
            // The payment provider never answers for this order, so neither can the check.
            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS,
                    "order-stuck".equals(orderId) ? TransactionStatus.UNKNOWN : TransactionStatus.COMMIT);
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:placeOrder").to("rocketmq-tx:" + topic + "?namesrvAddr=" + namesrvAddr + "&producerGroup="
                                             + Names.unique("order-tx") + "&localTransaction=direct:awaitPayment"
                                             + "&checkProcessor=#paymentCheck&sendMsgTimeout=10000");
                from("direct:awaitPayment").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN));

                from("direct:recover").to("rocketmq-tx:" + topic + "?namesrvAddr=" + namesrvAddr + "&producerGroup="
                                          + Names.unique("recovery-tx") + "&localTransaction=direct:decided");
                from("direct:decided").log("re-sending ${header.orderId}, decided by the operator");

                from("rocketmq-tx:" + topic + "?namesrvAddr=" + namesrvAddr + "&consumerGroup=" + consumerGroup
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET")
                        .process(e -> shipped.record(e.getMessage().getHeader("orderId", String.class)));
            }
        });
        context.start();
        return context;
    }
}
