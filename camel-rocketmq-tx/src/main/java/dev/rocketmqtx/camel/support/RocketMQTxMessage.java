package dev.rocketmqtx.camel.support;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.DefaultMessage;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The Camel message of a delivered (consumed or checked) RocketMQ message. Its headers are mapped from the message's
 * properties only when the route first touches a header, as camel-jms does with JMS messages: a route that only
 * reads the body skips a dozen inserts into Camel's case-insensitive header map, which was most of the consumer's
 * own CPU time per message.
 */
final class RocketMQTxMessage extends DefaultMessage {

    private final MessageExt delivered;
    private final MessageMapper mapper;

    RocketMQTxMessage(CamelContext context, MessageExt delivered, MessageMapper mapper) {
        super(context);
        this.delivered = delivered;
        this.mapper = mapper;
        setBody(delivered.getBody());
    }

    @Override
    protected boolean isPopulateHeadersSupported() {
        return true;
    }

    @Override
    protected void populateInitialHeaders(Map<String, Object> headers) {
        mapper.mapHeaders(delivered, headers, getExchange());
    }
}
