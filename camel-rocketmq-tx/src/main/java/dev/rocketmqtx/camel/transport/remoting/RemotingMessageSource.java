package dev.rocketmqtx.camel.transport.remoting;

import java.util.List;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.health.BrokerReachability;
import dev.rocketmqtx.camel.health.ReadinessProbe;
import dev.rocketmqtx.camel.support.RocketMQClientFactory;
import dev.rocketmqtx.camel.transport.MessageSource;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * A remoting push consumer. It hands over messages in batches (up to consumeMessageBatchMaxSize); after a failed
 * message it acknowledges the ones before it, and returns that one and the rest of the batch for redelivery.
 */
public final class RemotingMessageSource implements MessageSource, MessageListenerConcurrently {

    private final RocketMQTxConfiguration configuration;
    private volatile DefaultMQPushConsumer client;
    private Delivery delivery;

    public RemotingMessageSource(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start(Delivery delivery) throws Exception {
        this.delivery = delivery;
        client = RocketMQClientFactory.pushConsumer(configuration);
        client.subscribe(configuration.getTopic(), selector(configuration));
        client.registerMessageListener(this);
        client.start();
    }

    private static MessageSelector selector(RocketMQTxConfiguration configuration) {
        String sql = configuration.getSubscribeSql();
        return sql != null && !sql.isBlank()
                ? MessageSelector.bySql(sql) : MessageSelector.byTag(configuration.getSubscribeTags());
    }

    @Override
    public void stop() {
        if (client != null) {
            client.shutdown();
            client = null;
        }
    }

    @Override
    public ReadinessProbe readiness() {
        return BrokerReachability.of(this::clientInstance, configuration.topicWithNamespace(),
                configuration.getNamesrvAddr());
    }

    /** The running client's connections, or null while the consumer is stopped. */
    private MQClientInstance clientInstance() {
        DefaultMQPushConsumer current = client;
        return current == null ? null : current.getDefaultMQPushConsumerImpl().getmQClientFactory();
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (int i = 0; i < messages.size(); i++) {
            if (!delivery.deliver(messages.get(i))) {
                // Acknowledge the ones before; this one and the rest go back to the broker for redelivery.
                context.setAckIndex(i - 1);
                return i == 0 ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }
}
