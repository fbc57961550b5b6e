package dev.rocketmqtx.camel.security;

import java.util.UUID;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import org.apache.rocketmq.common.action.Action;

/**
 * A broker with authentication and authorization on, one per JVM (tests using it are {@link OwnJvm}), and the users
 * of the tests: {@link #ORDER_SERVICE} may publish to and consume from the topics it is granted, {@link #AUDITOR} may
 * only consume.
 */
final class AccessControlledBroker {

    static final String ORDER_SERVICE = "order-service";
    /** Random per run, so that finding it in a log cannot be a coincidence of a fixed test string. */
    static final String ORDER_SERVICE_SECRET = "order-secret-" + UUID.randomUUID();
    static final String AUDITOR = "auditor";
    static final String AUDITOR_SECRET = "auditor-secret-" + UUID.randomUUID();

    private static EmbeddedRocketMQ broker;

    private AccessControlledBroker() {
    }

    static synchronized EmbeddedRocketMQ get() {
        if (broker == null) {
            // A broker name of its own: RocketMQ caches authentication components JVM-wide by broker name.
            broker = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults().brokerName("broker-acl")
                    .accessControl(true));
            broker.createUser(ORDER_SERVICE, ORDER_SERVICE_SECRET);
            broker.createUser(AUDITOR, AUDITOR_SECRET);
        }
        return broker;
    }

    /** Creates a topic that the order service may publish to and consume from with the given consumer group. */
    static void createTopic(String topic, String consumerGroup) {
        EmbeddedRocketMQ rocketmq = get();
        rocketmq.createTopic(topic);
        rocketmq.createRetryTopic(consumerGroup);
        rocketmq.grant(ORDER_SERVICE, "Topic:" + topic, Action.PUB, Action.SUB);
        rocketmq.grant(ORDER_SERVICE, "Group:" + consumerGroup, Action.SUB);
        rocketmq.grant(AUDITOR, "Topic:" + topic, Action.SUB);
    }
}
