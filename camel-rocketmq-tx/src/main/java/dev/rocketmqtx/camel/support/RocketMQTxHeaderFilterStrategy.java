package dev.rocketmqtx.camel.support;

import org.apache.camel.support.DefaultHeaderFilterStrategy;
import org.apache.rocketmq.common.message.MessageConst;

/**
 * Keeps Camel's own headers (and this component's) out of message user properties, and RocketMQ's system
 * properties out of Camel headers: a user property named like a system property would be rejected by the client,
 * and system properties are already mapped to {@code CamelRocketMQTx*} headers.
 */
public class RocketMQTxHeaderFilterStrategy extends DefaultHeaderFilterStrategy {

    public RocketMQTxHeaderFilterStrategy() {
        setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setInFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setOutFilter(MessageConst.STRING_HASH_SET);
        setInFilter(MessageConst.STRING_HASH_SET);
    }
}
