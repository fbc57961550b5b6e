package dev.rocketmqtx.camel.transport;

import java.util.Objects;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;

/**
 * The options a client fixes for every send: endpoints that share one client (a producer group's on the remoting
 * protocol, a topic's on gRPC) must agree on them.
 */
public final class SharedClientSettings {

    private SharedClientSettings() {
    }

    /**
     * @param includeSendTimeout whether the send timeout belongs to the client (gRPC) rather than to each send
     * @return the first option in which the joining endpoint differs from the client's, or null
     */
    public static String firstDifference(RocketMQTxConfiguration client, RocketMQTxConfiguration joining,
                                         boolean includeSendTimeout) {
        if (!Objects.equals(client.getAccessKey(), joining.getAccessKey())) {
            return "accessKey";
        }
        if (!Objects.equals(client.getSecretKey(), joining.getSecretKey())) {
            return "secretKey";
        }
        if (client.isUseTls() != joining.isUseTls()) {
            return "useTls";
        }
        if (includeSendTimeout && client.getSendMsgTimeout() != joining.getSendMsgTimeout()) {
            return "sendMsgTimeout";
        }
        if (client.getRetryTimesWhenSendFailed() != joining.getRetryTimesWhenSendFailed()) {
            return "retryTimesWhenSendFailed";
        }
        return null;
    }
}
