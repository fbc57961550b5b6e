package dev.rocketmqtx.camel.transport.grpc;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.rocketmq.client.apis.message.MessageBuilder;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Converts between the component's message form (RocketMQ's {@code Message} and {@code MessageExt}, which the one
 * header mapping reads and writes) and the gRPC client's messages.
 */
final class GrpcMessages {

    private GrpcMessages() {
    }

    /** The gRPC message for a message the mapper built: body, tag, keys and user properties. */
    static org.apache.rocketmq.client.apis.message.Message toGrpc(Message message, String topic) {
        MessageBuilder builder = GrpcClients.PROVIDER.newMessageBuilder().setTopic(topic).setBody(message.getBody());
        String tags = message.getTags();
        if (tags != null && !tags.isEmpty()) {
            builder.setTag(tags);
        }
        String keys = message.getKeys();
        if (keys != null && !keys.isBlank()) {
            builder.setKeys(keys.trim().split(MessageConst.KEY_SEPARATOR + "+"));
        }
        for (Map.Entry<String, String> property : message.getProperties().entrySet()) {
            // System properties (tags, keys, the unique id...) are the client's to set; the proxy refuses them.
            if (!MessageConst.STRING_HASH_SET.contains(property.getKey())) {
                builder.addProperty(property.getKey(), property.getValue());
            }
        }
        return builder.build();
    }

    /**
     * A received message (a check's or a consumer's) as the mapper reads messages: the gRPC message id is the unique
     * id (and so the transaction id); the queue and store time are unknown.
     *
     * @param topic the topic without the namespace
     */
    static MessageExt toMessageExt(MessageView view, String topic) {
        MessageExt message = new MessageExt();
        message.setTopic(topic);
        ByteBuffer body = view.getBody().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        message.setBody(bytes);
        MessageAccessor.setProperties(message, new HashMap<>(view.getProperties()));
        view.getTag().ifPresent(message::setTags);
        Collection<String> keys = view.getKeys();
        if (!keys.isEmpty()) {
            message.setKeys(keys);
        }
        String id = view.getMessageId().toString();
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, id);
        message.setMsgId(id);
        message.setTransactionId(id);
        message.setBornTimestamp(view.getBornTimestamp());
        message.setReconsumeTimes(Math.max(view.getDeliveryAttempt() - 1, 0));
        message.setQueueId(-1);
        message.setQueueOffset(-1);
        return message;
    }
}
