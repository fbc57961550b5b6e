package dev.rocketmqtx.camel.test;

import java.util.UUID;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;

/** Plain RocketMQ clients pointed at an embedded broker, each in its own fresh group. */
final class TestClients {

    private TestClients() {
    }

    /** A unique group or topic name, so tests sharing the broker never see each other's messages. */
    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static DefaultMQPushConsumer consumer(EmbeddedRocketMQ rocketMQ, String group) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        consumer.setNamesrvAddr(rocketMQ.namesrvAddr());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        // Pulls carry the subscription, so the broker need not have received the heartbeat with the
        // subscription's current version. Without it, when a fresh consumer's rebalance and its first
        // heartbeat collide (seen on a loaded machine), the broker refuses pulls until the next
        // heartbeat 30 s later.
        consumer.setPostSubscriptionWhenPull(true);
        return consumer;
    }

    static DefaultMQProducer producer(EmbeddedRocketMQ rocketMQ) {
        DefaultMQProducer producer = new DefaultMQProducer(unique("producer"));
        producer.setNamesrvAddr(rocketMQ.namesrvAddr());
        return producer;
    }

    static TransactionMQProducer transactionProducer(EmbeddedRocketMQ rocketMQ) {
        TransactionMQProducer producer = new TransactionMQProducer(unique("tx-producer"));
        producer.setNamesrvAddr(rocketMQ.namesrvAddr());
        return producer;
    }
}
