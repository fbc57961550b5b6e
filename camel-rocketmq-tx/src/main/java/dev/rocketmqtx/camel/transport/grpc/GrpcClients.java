package dev.rocketmqtx.camel.transport.grpc;

import java.time.Duration;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientConfigurationBuilder;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.StaticSessionCredentialsProvider;
import org.apache.rocketmq.remoting.protocol.NamespaceUtil;

/**
 * The connection settings of every gRPC client the component creates: proxy endpoints, credentials, TLS, request
 * timeout. Names are given the namespace here, as the remoting client gives them (NS%topic): the open-source proxy
 * ignores the gRPC client's own namespace setting, so this is what makes a namespace mean the same on both
 * protocols.
 */
final class GrpcClients {

    static final ClientServiceProvider PROVIDER = ClientServiceProvider.loadService();

    private GrpcClients() {
    }

    static ClientConfiguration configuration(RocketMQTxConfiguration configuration) {
        ClientConfigurationBuilder builder = ClientConfiguration.newBuilder()
                .setEndpoints(endpoints(configuration))
                // The client's default is TLS on; the component's, as on the remoting protocol, is off.
                .enableSsl(configuration.isUseTls())
                .setRequestTimeout(Duration.ofMillis(configuration.getSendMsgTimeout()));
        String accessKey = configuration.getAccessKey();
        if (accessKey != null && !accessKey.isEmpty()) {
            builder.setCredentialProvider(new StaticSessionCredentialsProvider(accessKey,
                    configuration.getSecretKey() == null ? "" : configuration.getSecretKey()));
        }
        return builder.build();
    }

    /** The proxy endpoints as the client reads them: it would take blanks around ';' as part of a host or port. */
    static String endpoints(RocketMQTxConfiguration configuration) {
        return configuration.getEndpoints().replaceAll("\\s", "");
    }

    /** A topic or group as the broker knows it. */
    static String withNamespace(RocketMQTxConfiguration configuration, String name) {
        return NamespaceUtil.wrapNamespace(configuration.getNamespace(), name);
    }

    static String withoutNamespace(RocketMQTxConfiguration configuration, String name) {
        String namespace = configuration.getNamespace();
        return namespace == null || namespace.isEmpty() ? name : NamespaceUtil.withoutNamespace(name, namespace);
    }
}
