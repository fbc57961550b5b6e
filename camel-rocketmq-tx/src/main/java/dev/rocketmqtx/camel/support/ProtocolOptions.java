package dev.rocketmqtx.camel.support;

import java.util.regex.Pattern;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * Which protocol an endpoint speaks, and the options only one of them understands: namesrvAddr selects the classic
 * remoting protocol (name servers), endpoints the RocketMQ 5 gRPC protocol (proxies). Everything else means the same
 * on both; an option of the remoting protocol that the gRPC one cannot honour is refused rather than ignored.
 */
public final class ProtocolOptions {

    private static final RocketMQTxConfiguration DEFAULTS = new RocketMQTxConfiguration();
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ProtocolOptions() {
    }

    public static void validate(RocketMQTxConfiguration configuration) {
        boolean nameServers = !isBlank(configuration.getNamesrvAddr());
        boolean proxies = !isBlank(configuration.getEndpoints());
        if (nameServers && proxies) {
            throw new IllegalArgumentException("Options namesrvAddr and endpoints are mutually exclusive: namesrvAddr"
                                               + " selects the classic remoting protocol (name servers), endpoints"
                                               + " the RocketMQ 5 gRPC protocol (proxies); set one");
        }
        if (!nameServers && !proxies) {
            throw new IllegalArgumentException("Option namesrvAddr (name servers, classic remoting protocol) or"
                                               + " endpoints (RocketMQ 5 proxies, gRPC protocol) is required");
        }
        if (nameServers) {
            checkAddresses("namesrvAddr", configuration.getNamesrvAddr());
        } else {
            checkAddresses("endpoints", configuration.getEndpoints());
            refuseRemotingOnly(configuration);
        }
    }

    private static void refuseRemotingOnly(RocketMQTxConfiguration c) {
        if (c.getProducerGroup() != null) {
            refuse("producerGroup=" + c.getProducerGroup(), "a RocketMQ 5 proxy sends the checks of a topic to any"
                                                             + " producer of the topic, whatever its group");
        }
        if (c.getMessageModel() != MessageModel.CLUSTERING) {
            refuse("messageModel=" + c.getMessageModel(), "gRPC consumers of a group always share its messages");
        }
        if (c.getConsumeFromWhere() != ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET) {
            refuse("consumeFromWhere=" + c.getConsumeFromWhere(), "the broker decides where a new consumer group"
                                                                  + " starts");
        }
        if (c.getMaxReconsumeTimes() != DEFAULTS.getMaxReconsumeTimes()) {
            refuse("maxReconsumeTimes=" + c.getMaxReconsumeTimes(), "the broker applies the consumer group's own"
                                                                    + " retryMaxTimes; set it there");
        }
        if (c.getConsumeMessageBatchMaxSize() != DEFAULTS.getConsumeMessageBatchMaxSize()) {
            refuse("consumeMessageBatchMaxSize=" + c.getConsumeMessageBatchMaxSize(), "gRPC consumers receive one"
                                                                                      + " message at a time");
        }
        if (c.getConsumeThreadMin() != DEFAULTS.getConsumeThreadMin()) {
            refuse("consumeThreadMin=" + c.getConsumeThreadMin(), "gRPC consumers have one thread count:"
                                                                  + " consumeThreadMax");
        }
    }

    private static void refuse(String option, String why) {
        throw new IllegalArgumentException("Option " + option + " has no meaning on the gRPC protocol (endpoints): "
                                           + why + ". Remove it, or use namesrvAddr");
    }

    /** host:port, several separated by ';'; a typo fails here, not on the first send. */
    private static void checkAddresses(String option, String addresses) {
        if (addresses.contains(",")) {
            throw invalid(option, addresses, "separate several addresses with ';'");
        }
        String[] list = addresses.split(";");
        for (String address : list) {
            int colon = address.lastIndexOf(':');
            boolean valid = colon > 0 && colon < address.length() - 1;
            if (valid) {
                try {
                    int port = Integer.parseInt(address.substring(colon + 1).trim());
                    valid = port > 0 && port < 65536;
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            if (!valid) {
                throw invalid(option, addresses, "expected host:port, several separated by ';'");
            }
            // The gRPC client takes a list of IPv4 addresses, or one host name that it resolves itself; it reads a
            // list of names as IPv6 addresses and fails only when it starts.
            if ("endpoints".equals(option) && list.length > 1
                && !IPV4.matcher(address.substring(0, colon).trim()).matches()) {
                throw invalid(option, addresses, "several endpoints must be IPv4 addresses; a host name must be the"
                                                 + " only endpoint");
            }
        }
    }

    private static IllegalArgumentException invalid(String option, String addresses, String why) {
        return new IllegalArgumentException("Option " + option + "=" + addresses + " is invalid: " + why);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
