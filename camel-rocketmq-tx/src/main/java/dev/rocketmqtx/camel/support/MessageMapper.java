package dev.rocketmqtx.camel.support;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.TypeConverter;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Converts between Camel messages and RocketMQ messages, in both directions, and enforces the guardrails that
 * must hold before a half message is sent (so that nothing invalid reaches the broker).
 */
public final class MessageMapper {

    private static final String[] DELAY_PROPERTIES = { MessageConst.PROPERTY_DELAY_TIME_LEVEL,
        MessageConst.PROPERTY_TIMER_DELAY_SEC, MessageConst.PROPERTY_TIMER_DELAY_MS,
        MessageConst.PROPERTY_TIMER_DELIVER_MS };

    /**
     * Properties the broker adds to a half message for its own bookkeeping, outside RocketMQ's set of system
     * properties: the transaction id (the CamelRocketMQTxTransactionId header already) and the check count (the
     * CamelRocketMQTxCheckTimes header). Never headers of their own.
     */
    private static final Set<String> BROKER_TRANSACTION_PROPERTIES = Set.of(MessageConst.PROPERTY_TRANSACTION_ID,
            MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);

    private final String topic;
    private final HeaderFilterStrategy headerFilterStrategy;
    // Read once: the options are fixed once the endpoint is created, and these are read for every message.
    private final String defaultTags;
    private final String defaultCheckImmunity;
    private final int maxMessageSize;

    public MessageMapper(RocketMQTxConfiguration configuration, HeaderFilterStrategy headerFilterStrategy) {
        this.topic = configuration.getTopic();
        this.headerFilterStrategy = headerFilterStrategy;
        String tags = configuration.getTags();
        this.defaultTags = tags == null || tags.isEmpty() ? null : tags;
        this.defaultCheckImmunity = configuration.getCheckImmunityTime() > 0
                ? Integer.toString(configuration.getCheckImmunityTime()) : null;
        this.maxMessageSize = configuration.getMaxMessageSize();
    }

    /**
     * The RocketMQ message for the exchange: body as bytes, tags and keys from headers or options, the other headers
     * as user properties.
     *
     * @throws InvalidPayloadException  when the body is null, empty, too large or not convertible to bytes
     * @throws IllegalArgumentException when a header cannot be carried as a user property
     */
    public Message toMessage(Exchange exchange) throws InvalidPayloadException {
        Message message = new Message(topic, bodyBytes(exchange));
        if (defaultTags != null) {
            message.setTags(defaultTags);
        }
        if (defaultCheckImmunity != null) {
            message.putUserProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, defaultCheckImmunity);
        }
        // getHeaders() creates the map of a message that has none: not worth an allocation per send.
        if (exchange.getMessage().hasHeaders()) {
            applyHeaders(exchange, message);
        }
        return message;
    }

    /**
     * One pass over the headers (a lookup in Camel's case-insensitive header map costs more than reading an entry):
     * the component's own headers set tags, keys and the check immunity time; a delay header is refused; the others
     * become user properties as the header filter strategy allows.
     */
    private void applyHeaders(Exchange exchange, Message message) {
        TypeConverter converter = exchange.getContext().getTypeConverter();
        for (Map.Entry<String, Object> header : exchange.getMessage().getHeaders().entrySet()) {
            String name = header.getKey();
            Object value = header.getValue();
            if (value == null) {
                continue;
            }
            if (name.regionMatches(true, 0, RocketMQTxConstants.HEADER_PREFIX, 0,
                    RocketMQTxConstants.HEADER_PREFIX.length())) {
                applyComponentHeader(exchange, message, name, value);
            } else if (isDelayProperty(name)) {
                // The header filter would silently drop it: say so instead. A delayed message cannot be
                // transactional (the broker would deliver it on its own schedule, not on commit).
                throw new IllegalArgumentException("Header " + name + " asks for a delayed message: RocketMQ"
                                                   + " transactional messages cannot be delayed");
            }
            if (headerFilterStrategy.applyFilterToCamelHeaders(name, value, exchange)) {
                continue;
            }
            String text = value instanceof String s ? s : converter.tryConvertTo(String.class, exchange, value);
            if (text == null) {
                throw new IllegalArgumentException("Header " + name + " of type " + value.getClass().getName()
                                                   + " cannot be converted to a String message property");
            }
            checkPropertyText("Header name", name);
            checkPropertyText("Value of header " + name, text);
            message.putUserProperty(name, text);
        }
    }

    private static boolean isDelayProperty(String name) {
        for (String delay : DELAY_PROPERTIES) {
            if (delay.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static void applyComponentHeader(Exchange exchange, Message message, String name, Object value) {
        if (RocketMQTxConstants.TAGS.equalsIgnoreCase(name)) {
            String tags = exchange.getContext().getTypeConverter().tryConvertTo(String.class, exchange, value);
            if (tags != null && !tags.isEmpty()) {
                message.setTags(tags);
            } else {
                message.getProperties().remove(MessageConst.PROPERTY_TAGS);
            }
        } else if (RocketMQTxConstants.KEYS.equalsIgnoreCase(name)) {
            if (value instanceof Collection<?> collection) {
                message.setKeys(collection.stream().map(String::valueOf).toList());
            } else {
                message.setKeys(value.toString());
            }
        } else if (RocketMQTxConstants.CHECK_IMMUNITY_TIME.equalsIgnoreCase(name)) {
            Integer seconds = exchange.getContext().getTypeConverter().tryConvertTo(Integer.class, exchange, value);
            if (seconds == null || seconds < 0) {
                throw new IllegalArgumentException("Header " + RocketMQTxConstants.CHECK_IMMUNITY_TIME + "=" + value
                                                   + " is invalid: expected a number of seconds >= 0");
            }
            if (seconds > 0) {
                message.putUserProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS, seconds.toString());
            } else {
                message.getProperties().remove(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS);
            }
        }
    }

    private byte[] bodyBytes(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            throw new InvalidPayloadException(exchange, byte[].class, exchange.getMessage(),
                    new IllegalArgumentException("The message body is null: a message to topic " + topic
                                                 + " needs a body"));
        }
        byte[] bytes;
        if (body instanceof byte[] raw) {
            bytes = raw;
        } else {
            try {
                bytes = exchange.getContext().getTypeConverter().mandatoryConvertTo(byte[].class, exchange, body);
            } catch (NoTypeConversionAvailableException e) {
                throw new InvalidPayloadException(exchange, byte[].class, exchange.getMessage(), e);
            }
        }
        if (bytes.length == 0) {
            throw new InvalidPayloadException(exchange, byte[].class, exchange.getMessage(),
                    new IllegalArgumentException("The message body is empty: RocketMQ does not store empty messages"));
        }
        if (bytes.length > maxMessageSize) {
            throw new InvalidPayloadException(exchange, byte[].class, exchange.getMessage(),
                    new IllegalArgumentException("The message body is " + bytes.length
                                                 + " bytes, over maxMessageSize=" + maxMessageSize));
        }
        return bytes;
    }

    /** RocketMQ encodes properties with the control characters 1 and 2 as separators; they would corrupt them. */
    private static void checkPropertyText(String what, String text) {
        if (text.indexOf(MessageDecoder.NAME_VALUE_SEPARATOR) >= 0 || text.indexOf(MessageDecoder.PROPERTY_SEPARATOR) >= 0) {
            throw new IllegalArgumentException(what + " contains the control characters \\u0001 or \\u0002,"
                                               + " which RocketMQ uses as property separators");
        }
    }

    /**
     * Gives a fresh exchange (consumer or check) the delivered message: the body at once, the headers when the route
     * first asks for one.
     */
    public void fillExchange(Exchange exchange, MessageExt message) {
        exchange.setIn(new RocketMQTxMessage(exchange.getContext(), message, this));
    }

    /** The headers of a delivered message: its user properties, then the dedicated headers of its system properties. */
    void mapHeaders(MessageExt message, Map<String, Object> headers, Exchange exchange) {
        Map<String, String> properties = message.getProperties();
        if (properties != null) {
            for (Map.Entry<String, String> property : properties.entrySet()) {
                String name = property.getKey();
                // System properties (most of a consumed message's properties) become the dedicated headers below,
                // never headers of their own; an exact set lookup spares the filter strategy for them.
                if (!MessageConst.STRING_HASH_SET.contains(name) && !BROKER_TRANSACTION_PROPERTIES.contains(name)
                    && !headerFilterStrategy.applyFilterToExternalHeaders(name, property.getValue(), exchange)) {
                    headers.put(name, property.getValue());
                }
            }
        }
        headers.put(RocketMQTxConstants.TOPIC, message.getTopic());
        putIfPresent(headers, RocketMQTxConstants.TAGS, message.getTags());
        putIfPresent(headers, RocketMQTxConstants.KEYS, message.getKeys());
        String uniqueId = message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        putIfPresent(headers, RocketMQTxConstants.TRANSACTION_ID, transactionIdOf(message));
        putIfPresent(headers, RocketMQTxConstants.MESSAGE_ID, uniqueId != null ? uniqueId : message.getMsgId());
        if (message.getQueueOffset() >= 0) {
            // Messages received through a RocketMQ 5 proxy do not say their queue.
            headers.put(RocketMQTxConstants.QUEUE_ID, message.getQueueId());
            headers.put(RocketMQTxConstants.QUEUE_OFFSET, message.getQueueOffset());
        }
        putIfPresent(headers, RocketMQTxConstants.BROKER_NAME, message.getBrokerName());
        headers.put(RocketMQTxConstants.RECONSUME_TIMES, message.getReconsumeTimes());
        headers.put(RocketMQTxConstants.BORN_TIMESTAMP, message.getBornTimestamp());
        if (message.getStoreTimestamp() > 0) {
            headers.put(RocketMQTxConstants.STORE_TIMESTAMP, message.getStoreTimestamp());
        }
    }

    /**
     * The CamelRocketMQTxTransactionId of a delivered message: the transaction id, which is the client's unique id of
     * the message (the same in the local transaction, the check and on the consumer); for a message sent without a
     * transaction, its unique id; for one sent by a client that set none, the broker's message id.
     */
    public static String transactionIdOf(MessageExt message) {
        if (message.getTransactionId() != null) {
            return message.getTransactionId();
        }
        String uniqueId = message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return uniqueId != null ? uniqueId : message.getMsgId();
    }

    private static void putIfPresent(Map<String, Object> headers, String header, String value) {
        if (value != null && !value.isEmpty()) {
            headers.put(header, value);
        }
    }
}
