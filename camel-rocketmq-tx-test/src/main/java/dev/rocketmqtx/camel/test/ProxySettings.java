package dev.rocketmqtx.camel.test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.serializer.SerializerFeature;

/** The proxy's configuration file ({@code rmq-proxy.json}) for a {@link RocketMQProxy} in front of a broker. */
final class ProxySettings {

    private ProxySettings() {
    }

    /**
     * @param identity the broker user the proxy acts as when the broker has access control, else {@code null}: the
     *                 proxy then authenticates and authorizes its clients against the broker's users and ACLs
     */
    static String json(RocketMQProxyConfig config, String clusterName, String namesrvAddr, int grpcPort,
                       int remotingPort, Path certificate, Path privateKey, ProxyIdentity identity,
                       boolean authorization) {
        Map<String, Object> settings = new LinkedHashMap<>();
        // Cluster mode: the proxy forwards to the brokers of this cluster, as in a real deployment. (Local mode
        // starts a broker inside the proxy JVM and does not forward remoting sends.)
        settings.put("proxyMode", "cluster");
        settings.put("rocketMQClusterName", clusterName);
        settings.put("proxyName", "rocketmq-proxy-" + grpcPort);
        settings.put("namesrvAddr", namesrvAddr);
        settings.put("grpcServerPort", grpcPort);
        settings.put("remotingListenPort", remotingPort);
        // The address written into the routes the proxy hands to remoting clients; the default is the first
        // site-local address of the machine, which the test's clients should not depend on.
        settings.put("localServeAddr", ServerSettings.LOOPBACK);
        settings.put("remotingAccessAddr", ServerSettings.LOOPBACK);
        // The broker only checks producer groups the proxy has announced; announce new ones within a second.
        settings.put("transactionHeartbeatPeriodSecond", config.transactionHeartbeatPeriodSeconds());
        int refresh = config.metadataCacheRefreshSeconds();
        settings.put("topicRouteServiceCacheRefreshSeconds", refresh);
        settings.put("topicConfigCacheRefreshSeconds", refresh);
        settings.put("subscriptionGroupConfigCacheRefreshSeconds", refresh);
        settings.put("userCacheRefreshSeconds", refresh);
        settings.put("aclCacheRefreshSeconds", refresh);
        // The proxy loads a server certificate whatever the TLS mode; "test mode" would generate one at every start.
        settings.put("tlsTestModeEnable", false);
        settings.put("tlsCertPath", certificate.toString());
        settings.put("tlsKeyPath", privateKey.toString());
        // Off: the remoting port would also take gRPC calls and relay them to the gRPC port, and with TLS on, that relay
        // needs native OpenSSL (netty-tcnative), which this kit keeps off the test class path.
        settings.put("enableRemotingLocalProxyGrpc", false);
        // A gRPC push consumer's close() waits for its receive calls in flight, which the proxy holds open up to this
        // long-polling limit (default 20 s) when no message comes: every consumer close would take 20 s or more.
        settings.put("grpcClientConsumerMinLongPollingTimeoutMillis", 1000);
        settings.put("grpcClientConsumerMaxLongPollingTimeoutMillis", 2000);
        // A graceful stop of the gRPC server waits up to 30 s for calls in flight; tests do not need that.
        settings.put("grpcShutdownTimeSeconds", 1);
        // When a thread pool is busy the proxy dumps all thread stacks into its log: noise on a loaded test machine.
        settings.put("enablePrintJstack", false);
        if (identity != null) {
            settings.put("authenticationEnabled", true);
            settings.put("authenticationMetadataProvider", "org.apache.rocketmq.proxy.auth.ProxyAuthenticationMetadataProvider");
            settings.put("authorizationEnabled", authorization);
            settings.put("authorizationMetadataProvider", "org.apache.rocketmq.proxy.auth.ProxyAuthorizationMetadataProvider");
            settings.put("innerClientAuthenticationCredentials", identity.innerClientCredentialsJson());
            // Without it the proxy's own requests to the broker go unsigned, whatever the credentials above.
            settings.put("enableAclRpcHookForClusterMode", true);
        }
        settings.putAll(config.settings());
        return JSON.toJSONString(settings, SerializerFeature.PrettyFormat);
    }
}
