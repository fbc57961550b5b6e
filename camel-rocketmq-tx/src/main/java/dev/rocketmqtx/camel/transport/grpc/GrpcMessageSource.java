package dev.rocketmqtx.camel.transport.grpc;

import java.util.Map;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.health.ReadinessProbe;
import dev.rocketmqtx.camel.transport.MessageSource;
import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.FilterExpressionType;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;

/**
 * A gRPC push consumer through RocketMQ 5 proxies. Messages come one at a time; a failed one is redelivered after
 * the consumer group's retry delay, up to the group's retryMaxTimes, then moved to the group's dead-letter topic.
 */
final class GrpcMessageSource implements MessageSource {

    private final RocketMQTxConfiguration configuration;
    private volatile PushConsumer consumer;

    GrpcMessageSource(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start(Delivery delivery) throws Exception {
        String topic = GrpcClients.withNamespace(configuration, configuration.getTopic());
        try {
            consumer = GrpcClients.PROVIDER.newPushConsumerBuilder()
                    .setClientConfiguration(GrpcClients.configuration(configuration))
                    .setConsumerGroup(GrpcClients.withNamespace(configuration, configuration.getConsumerGroup()))
                    .setSubscriptionExpressions(Map.of(topic, filter()))
                    .setConsumptionThreadCount(configuration.getConsumeThreadMax())
                    .setMessageListener(view -> delivery.deliver(toMessageExt(view))
                            ? ConsumeResult.SUCCESS : ConsumeResult.FAILURE)
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the gRPC consumer of topic " + configuration.getTopic()
                                            + " at proxy " + configuration.getEndpoints() + ": "
                                            + GrpcFailures.describe(e, configuration), e);
        }
    }

    private org.apache.rocketmq.common.message.MessageExt toMessageExt(MessageView view) {
        return GrpcMessages.toMessageExt(view, GrpcClients.withoutNamespace(configuration, view.getTopic()));
    }

    private FilterExpression filter() {
        String sql = configuration.getSubscribeSql();
        if (sql != null && !sql.isBlank()) {
            return new FilterExpression(sql, FilterExpressionType.SQL92);
        }
        return new FilterExpression(configuration.getSubscribeTags(), FilterExpressionType.TAG);
    }

    @Override
    public void stop() {
        PushConsumer current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the gRPC consumer of topic " + configuration.getTopic()
                                                + " failed", e);
            }
        }
    }

    @Override
    public ReadinessProbe readiness() {
        return GrpcReadiness.of(configuration.getEndpoints());
    }
}
