package dev.rocketmqtx.camel.transport.grpc;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;

/**
 * Says in one line why the gRPC client failed, naming what to check: the proxy's answer and the options or the
 * topic's message type behind the usual failures. Names the access key, never the secret key.
 */
final class GrpcFailures {

    private GrpcFailures() {
    }

    static String describe(Throwable failure, RocketMQTxConfiguration configuration) {
        Throwable root = rootOf(failure);
        String message = root.getClass().getSimpleName() + ": " + root.getMessage();
        String text = String.valueOf(root.getMessage());
        if (text.contains("message type not match") || text.contains("TopicMessageType")) {
            return message + " (create topic " + configuration.getTopic() + " with the attribute"
                   + " +message.type=TRANSACTION: the proxy accepts transactional messages only on such topics)";
        }
        if (text.contains("No topic route")) {
            return message + " (does topic " + configuration.getTopic() + " exist, typed TRANSACTION?)";
        }
        if (root.getClass().getSimpleName().equals("UnauthorizedException")) {
            String accessKey = configuration.getAccessKey();
            return message + (accessKey == null || accessKey.isEmpty()
                    ? " (the proxy requires authentication: set accessKey and secretKey)"
                    : " (check accessKey " + accessKey + ", its secretKey and its permissions)");
        }
        // A connection failure is a gRPC status (UNAVAILABLE) above the socket's error, if any.
        Throwable unavailable = unavailableIn(failure);
        if (unavailable != null) {
            return unavailable.getClass().getSimpleName() + ": " + unavailable.getMessage()
                   + (unavailable == root ? "" : ": " + root.getMessage()) + " (is the proxy reachable at "
                   + configuration.getEndpoints() + "? does it require TLS: useTls=true?)";
        }
        return message;
    }

    private static Throwable unavailableIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (String.valueOf(t.getMessage()).startsWith("UNAVAILABLE")) {
                return t;
            }
        }
        return null;
    }

    /** The deepest cause: the client wraps the proxy's answer in start-up and execution exceptions. */
    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
