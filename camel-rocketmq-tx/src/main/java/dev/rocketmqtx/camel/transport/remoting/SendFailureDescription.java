package dev.rocketmqtx.camel.transport.remoting;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.remoting.exception.RemotingSendRequestException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Says in one line why a half message was not stored, naming the options to check. It names the access key, never
 * the secret key.
 */
final class SendFailureDescription {

    private SendFailureDescription() {
    }

    static String of(Throwable failure, RocketMQTxConfiguration configuration) {
        MQBrokerException refused = find(failure, MQBrokerException.class);
        if (refused != null && refused.getResponseCode() == ResponseCode.NO_PERMISSION) {
            return accessDenied(refused.getErrorMessage(), configuration);
        }
        if (!configuration.isUseTls() && find(failure, RemotingSendRequestException.class) != null) {
            // A server that enforces TLS accepts a plain connection, then closes it without a word: the client sees
            // only that its request could not be sent (a server that is down refuses the connection instead).
            return rootMessage(failure) + " (if the name server or broker requires TLS, set the option useTls=true)";
        }
        return rootMessage(failure);
    }

    /**
     * A broker with access control answers NO_PERMISSION both when it cannot authenticate the client and when the
     * authenticated user may not publish; only the broker's remark tells which.
     */
    private static String accessDenied(String remark, RocketMQTxConfiguration configuration) {
        String accessKey = configuration.getAccessKey();
        if (accessKey == null || accessKey.isEmpty()) {
            return "the broker requires authentication: set the options accessKey and secretKey (broker: " + remark
                   + ")";
        }
        if (remark != null && remark.contains("no permission")) {
            return "accessKey " + accessKey + " is not authorized to publish to topic " + configuration.getTopic()
                   + ": grant the user PUB on the topic (broker: " + remark + ")";
        }
        return "authentication failed for accessKey " + accessKey + ": check the options accessKey and secretKey"
               + " (broker: " + remark + ")";
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message != null) {
            // RocketMQ appends a long "See http://..." hint to its messages; the first line says what happened.
            int hint = message.indexOf("\nSee ");
            message = hint > 0 ? message.substring(0, hint) : message;
        }
        return root.getClass().getSimpleName() + ": " + message;
    }
}
