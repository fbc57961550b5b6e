package dev.rocketmqtx.camel.testcontainers;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.body.KVTable;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * RocketMQ's admin requests a test needs, sent from the host to the container's published ports, so each of them also
 * proves that clients reach the name server and the address the broker advertises.
 */
final class BrokerAdmin implements AutoCloseable {

    private static final long REQUEST_TIMEOUT_MILLIS = 3000;

    private final MQClientAPIImpl client;

    BrokerAdmin(String namesrvAddr) {
        client = new MQClientAPIImpl(new NettyClientConfig(), null, null, new ClientConfig());
        client.updateNameServerAddressList(namesrvAddr);
        client.start();
    }

    /** The master address the name server hands out for {@code brokerName}; empty while the broker is not registered. */
    Optional<String> registeredAddress(String brokerName) {
        try {
            ClusterInfo cluster = client.getBrokerClusterInfo(REQUEST_TIMEOUT_MILLIS);
            BrokerData broker = cluster.getBrokerAddrTable().get(brokerName);
            return broker == null ? Optional.empty() : Optional.ofNullable(broker.getBrokerAddrs().get(MixAll.MASTER_ID));
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** When the broker at {@code brokerAddr} started (its own clock, ms); empty while it does not answer. */
    Optional<Long> bootTimestamp(String brokerAddr) {
        try {
            KVTable runtime = client.getBrokerRuntimeInfo(brokerAddr, REQUEST_TIMEOUT_MILLIS);
            return Optional.ofNullable(runtime.getTable().get("bootTimestamp")).map(Long::valueOf);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** What the broker reports about itself: version, boot time, store statistics, ... */
    Map<String, String> runtimeInfo(String brokerAddr) {
        try {
            return client.getBrokerRuntimeInfo(brokerAddr, REQUEST_TIMEOUT_MILLIS).getTable();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the runtime information of broker " + brokerAddr + ": " + e, e);
        }
    }

    /** The broker's settings as it runs with them. */
    Properties brokerConfig(String brokerAddr) {
        try {
            return client.getBrokerConfig(brokerAddr, REQUEST_TIMEOUT_MILLIS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the settings of broker " + brokerAddr + ": " + e, e);
        }
    }

    /** Creates or updates a topic on the broker; the broker then publishes its route to the name server. */
    void createTopic(String brokerAddr, TopicConfig topic) {
        try {
            client.createTopic(brokerAddr, TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, REQUEST_TIMEOUT_MILLIS);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topic " + topic.getTopicName() + " on broker " + brokerAddr
                + ": " + e, e);
        }
    }

    /** Whether the name server serves a route of {@code topic} with {@code queues} read and write queues on the broker. */
    boolean hasRoute(String topic, String brokerName, int queues) {
        TopicRouteData route;
        try {
            route = client.getTopicRouteInfoFromNameServer(topic, REQUEST_TIMEOUT_MILLIS);
        } catch (Exception e) {
            return false;
        }
        if (route == null || route.getQueueDatas() == null) {
            return false;
        }
        for (QueueData queue : route.getQueueDatas()) {
            if (brokerName.equals(queue.getBrokerName()) && queue.getReadQueueNums() == queues
                && queue.getWriteQueueNums() == queues) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        client.shutdown();
    }
}
