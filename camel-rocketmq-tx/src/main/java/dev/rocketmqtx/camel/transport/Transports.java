package dev.rocketmqtx.camel.transport;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.transport.grpc.GrpcTransports;
import dev.rocketmqtx.camel.transport.remoting.RemotingMessageSource;
import dev.rocketmqtx.camel.transport.remoting.RemotingTransport;
import org.apache.camel.CamelContext;

/**
 * Picks the protocol of an endpoint: namesrvAddr selects the classic remoting protocol, endpoints the RocketMQ 5
 * gRPC protocol. The gRPC client (rocketmq-client-java) is optional: its classes are loaded only for an endpoint that
 * uses it.
 */
public final class Transports {

    private static final String GRPC_CLIENT_CLASS = "org.apache.rocketmq.client.apis.ClientServiceProvider";

    private Transports() {
    }

    /** @param endpoint the endpoint, as it may appear in messages (no secrets) */
    public static TransactionTransport forProducer(CamelContext camelContext, RocketMQTxConfiguration configuration,
                                                   String endpoint) {
        if (configuration.isGrpc()) {
            requireGrpcClient();
            return GrpcTransports.producer(configuration, endpoint);
        }
        return new RemotingTransport(camelContext, configuration, endpoint);
    }

    public static MessageSource forConsumer(RocketMQTxConfiguration configuration) {
        if (configuration.isGrpc()) {
            requireGrpcClient();
            return GrpcTransports.consumer(configuration);
        }
        return new RemotingMessageSource(configuration);
    }

    private static void requireGrpcClient() {
        try {
            Class.forName(GRPC_CLIENT_CLASS, false, Transports.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("Option endpoints selects the RocketMQ 5 gRPC protocol, which needs"
                                               + " the RocketMQ 5 Java client on the classpath: add the dependency"
                                               + " org.apache.rocketmq:rocketmq-client-java (5.2.0 or later)");
        }
    }
}
