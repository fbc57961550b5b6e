package dev.rocketmqtx.camel.consumer;

import java.util.List;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.health.BrokerReachability;
import dev.rocketmqtx.camel.health.RocketMQTxReadinessCheck;
import dev.rocketmqtx.camel.support.RocketMQClientFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Delivers committed messages of the topic to the route. Consumers never see half or rolled-back messages: the
 * broker only makes a transactional message visible once it is committed.
 * <p>
 * A message is acknowledged only when its exchange succeeded. On a failure (exception or rollback-only) the
 * failed message and the rest of its batch are returned to the broker, which redelivers them after its retry delay
 * and, after maxReconsumeTimes, moves them to the group's dead-letter topic.
 */
public class RocketMQTxConsumer extends DefaultConsumer implements MessageListenerConcurrently {

    private final RocketMQTxEndpoint endpoint;
    private volatile DefaultMQPushConsumer client;

    public RocketMQTxConsumer(RocketMQTxEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RocketMQTxConfiguration configuration = endpoint.getConfiguration();
        client = RocketMQClientFactory.pushConsumer(configuration);
        client.subscribe(configuration.getTopic(), selector(configuration));
        client.registerMessageListener(this);
        client.start();
        registerReadinessCheck(configuration);
    }

    /**
     * Health checks are optional. Resolving the consumers repository registers it with the context (as Camel's own
     * components do); it then asks every route consumer that has a check for it.
     */
    private void registerReadinessCheck(RocketMQTxConfiguration configuration) {
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                "consumers", HealthCheckRepository.class);
        if (repository != null) {
            RocketMQTxReadinessCheck check = RocketMQTxReadinessCheck.forConsumer(getRouteId(), configuration,
                    BrokerReachability.of(this::clientInstance, configuration.topicWithNamespace(),
                            configuration.getNamesrvAddr()));
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    /** The running client's connections, or null while the consumer is stopped. */
    private MQClientInstance clientInstance() {
        DefaultMQPushConsumer current = client;
        return current == null ? null : current.getDefaultMQPushConsumerImpl().getmQClientFactory();
    }

    private static MessageSelector selector(RocketMQTxConfiguration configuration) {
        String sql = configuration.getSubscribeSql();
        return sql != null && !sql.isBlank()
                ? MessageSelector.bySql(sql) : MessageSelector.byTag(configuration.getSubscribeTags());
    }

    @Override
    protected void doStop() throws Exception {
        if (client != null) {
            client.shutdown();
            client = null;
        }
        super.doStop();
    }

    @Override
    public ConsumeConcurrentlyStatus consumeMessage(List<MessageExt> messages, ConsumeConcurrentlyContext context) {
        for (int i = 0; i < messages.size(); i++) {
            if (!deliver(messages.get(i))) {
                // Acknowledge the ones before; this one and the rest go back to the broker for redelivery.
                context.setAckIndex(i - 1);
                return i == 0 ? ConsumeConcurrentlyStatus.RECONSUME_LATER : ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            }
        }
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
    }

    private boolean deliver(MessageExt message) {
        Exchange exchange = createExchange(false);
        try {
            endpoint.getMessageMapper().fillExchange(exchange, message);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean succeeded = exchange.getException() == null && !exchange.isRollbackOnly()
                            && !exchange.isRollbackOnlyLast();
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing message " + message.getMsgId() + " from topic "
                                                  + message.getTopic() + "; it will be redelivered",
                    exchange, exchange.getException());
        }
        endpoint.getStatistics().consumed(succeeded);
        releaseExchange(exchange, false);
        return succeeded;
    }
}
