package dev.rocketmqtx.camel.transport.grpc;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.transport.MessageSource;
import dev.rocketmqtx.camel.transport.TransactionTransport;

/** Creates the gRPC side; loaded only once the gRPC client is known to be on the classpath. */
public final class GrpcTransports {

    private GrpcTransports() {
    }

    public static TransactionTransport producer(RocketMQTxConfiguration configuration, String endpoint) {
        return new GrpcTransport(configuration, endpoint);
    }

    public static MessageSource consumer(RocketMQTxConfiguration configuration) {
        return new GrpcMessageSource(configuration);
    }
}
