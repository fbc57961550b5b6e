package dev.rocketmqtx.camel.grpc;

import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import dev.rocketmqtx.camel.test.RocketMQProxy;
import org.apache.rocketmq.common.attribute.TopicMessageType;

/**
 * Base of the tests on the RocketMQ 5 gRPC protocol: the JVM's broker with a real proxy in front of it, and a topic
 * typed for transactional messages, as the proxy requires.
 */
public abstract class GrpcTestSupport extends RocketMQTxTestSupport {

    protected static final RocketMQProxy PROXY = RocketMQProxy.shared();

    /** The retries a consumer group of these tests gets before its dead-letter topic. */
    protected static final int MAX_RETRIES = 2;

    protected GrpcTestSupport() {
        BROKER.createTopic(topic, TopicMessageType.TRANSACTION);
        BROKER.createConsumerGroup(consumerGroup, MAX_RETRIES);
    }

    /** A producer endpoint URI through the proxy, with local transaction direct:local and extra options. */
    @Override
    protected String producerUri(String options) {
        return "rocketmq-tx:" + topic + "?endpoints=" + PROXY.grpcEndpoints() + "&localTransaction=direct:local"
               + options;
    }

    /** A consumer endpoint URI through the proxy with extra options. */
    @Override
    protected String consumerUri(String options) {
        return "rocketmq-tx:" + topic + "?endpoints=" + PROXY.grpcEndpoints() + "&consumerGroup=" + consumerGroup
               + options;
    }
}
