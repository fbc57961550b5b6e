package dev.rocketmqtx.camel.benchmarks;

import java.time.Duration;

import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientServiceProvider;

/** The raw RocketMQ 5 gRPC client's settings, the same as the component's defaults on the gRPC protocol. */
final class GrpcClients {

    static final ClientServiceProvider PROVIDER = ClientServiceProvider.loadService();

    /** The component's sendMsgTimeout default, which it gives the gRPC client as its request timeout. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(3000);

    private GrpcClients() {
    }

    static ClientConfiguration configuration(String endpoints) {
        return ClientConfiguration.newBuilder()
                .setEndpoints(endpoints)
                // The client's default is TLS; the component's is plain text. Compared like for like.
                .enableSsl(false)
                .setRequestTimeout(REQUEST_TIMEOUT)
                .build();
    }
}
