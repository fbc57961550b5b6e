package dev.rocketmqtx.camel.support;

import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.remoting.RPCHook;

/**
 * Creates every RocketMQ client the component uses, so that connection settings (name server, namespace, ACL
 * credentials, TLS) are applied to all of them the same way.
 */
public final class RocketMQClientFactory {

    private static final AtomicInteger INSTANCE_COUNTER = new AtomicInteger();

    private RocketMQClientFactory() {
    }

    /**
     * A transactional producer whose listener answers checks only: the component sends half messages and ends
     * transactions itself.
     *
     * @param hook the RPC hook (signing, when the configuration has credentials), or null
     */
    public static TransactionMQProducer transactionProducer(RocketMQTxConfiguration configuration,
            TransactionListener listener, RPCHook hook) {
        TransactionMQProducer producer = new TransactionMQProducer(
                configuration.getNamespace(), configuration.getProducerGroup(), hook, false, null);
        applyConnection(producer, configuration);
        producer.setTransactionListener(listener);
        producer.setSendMsgTimeout(configuration.getSendMsgTimeout());
        producer.setRetryTimesWhenSendFailed(configuration.getRetryTimesWhenSendFailed());
        producer.setMaxMessageSize(configuration.getMaxMessageSize());
        return producer;
    }

    public static DefaultMQPushConsumer pushConsumer(RocketMQTxConfiguration configuration) {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(signer(configuration));
        consumer.setConsumerGroup(configuration.getConsumerGroup());
        applyConnection(consumer, configuration);
        consumer.setMessageModel(configuration.getMessageModel());
        consumer.setConsumeFromWhere(configuration.getConsumeFromWhere());
        consumer.setConsumeThreadMin(configuration.getConsumeThreadMin());
        consumer.setConsumeThreadMax(configuration.getConsumeThreadMax());
        consumer.setMaxReconsumeTimes(configuration.getMaxReconsumeTimes());
        consumer.setConsumeMessageBatchMaxSize(configuration.getConsumeMessageBatchMaxSize());
        // Send the subscription with every pull: a fresh consumer whose first heartbeat collided with its first
        // rebalance would otherwise have its pulls refused until the next heartbeat, 30 s later.
        consumer.setPostSubscriptionWhenPull(true);
        return consumer;
    }

    private static void applyConnection(ClientConfig client, RocketMQTxConfiguration configuration) {
        client.setNamesrvAddr(configuration.getNamesrvAddr());
        if (configuration.getNamespace() != null && !configuration.getNamespace().isEmpty()) {
            client.setNamespace(configuration.getNamespace());
        }
        client.setUseTLS(configuration.isUseTls());
        // Each client gets its own client instance: clients with the same group but different credentials, name
        // servers or listeners must not share connections or be mistaken for one another when a check arrives.
        client.setInstanceName("camel-rocketmq-tx-" + UtilAll.getPid() + "-" + INSTANCE_COUNTER.incrementAndGet());
    }

    /** The hook that signs requests with the configuration's credentials, or null when it has none. */
    public static RPCHook signer(RocketMQTxConfiguration configuration) {
        if (configuration.getAccessKey() == null || configuration.getAccessKey().isEmpty()) {
            return null;
        }
        return new AclClientRPCHook(new SessionCredentials(configuration.getAccessKey(), configuration.getSecretKey()));
    }
}
