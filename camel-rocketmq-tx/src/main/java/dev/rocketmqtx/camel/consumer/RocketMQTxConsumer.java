package dev.rocketmqtx.camel.consumer;

import java.util.List;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.support.RocketMQClientFactory;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.MessageSelector;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyContext;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
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
    private DefaultMQPushConsumer client;

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
