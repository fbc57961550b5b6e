package dev.rocketmqtx.camel.test;

import java.util.Map;

import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.MessageListener;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.TransactionChecker;

/** RocketMQ 5 gRPC clients ({@code rocketmq-client-java}) pointed at a proxy. */
final class GrpcClients {

    static final ClientServiceProvider PROVIDER = ClientServiceProvider.loadService();

    private GrpcClients() {
    }

    static ClientConfiguration configuration(RocketMQProxy proxy) {
        // The client uses TLS unless told otherwise; the test proxy serves plain text.
        return ClientConfiguration.newBuilder().setEndpoints(proxy.grpcEndpoints()).enableSsl(false).build();
    }

    /** A producer declaring {@code topic} up front: the proxy relays checks only to producers that declared it. */
    static Producer transactionalProducer(RocketMQProxy proxy, String topic, TransactionChecker checker)
        throws ClientException {
        return PROVIDER.newProducerBuilder()
            .setClientConfiguration(configuration(proxy))
            .setTopics(topic)
            .setTransactionChecker(checker)
            .build();
    }

    static PushConsumer pushConsumer(RocketMQProxy proxy, String group, String topic, MessageListener listener)
        throws ClientException {
        return PROVIDER.newPushConsumerBuilder()
            .setClientConfiguration(configuration(proxy))
            .setConsumerGroup(group)
            .setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL))
            .setMessageListener(listener)
            .build();
    }
}
