package dev.rocketmqtx.camel.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A name server and broker that accept TLS connections only, with a self-signed certificate made at test time, which
 * the clients verify (they trust that certificate only).
 */
@OwnJvm
class TlsTest extends SecurityTestSupport {

    private static final EmbeddedRocketMQ BROKER = startEnforcingTls();

    /**
     * RocketMQ reads its TLS settings once, from system properties into static fields that every server and client of
     * the JVM share: set both before the first server starts. This is why the test runs in a JVM of its own.
     * <p>
     * One elliptic-curve certificate serves the three servers (name server, broker, broker's second port): RocketMQ's
     * default "test mode" would generate an RSA key per server, which costs seconds on a busy machine.
     */
    private static EmbeddedRocketMQ startEnforcingTls() {
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            SelfSignedCertificate certificate = new SelfSignedCertificate("localhost", "EC", 256);
            tlsSetting(TlsSystemConfig.TLS_SERVER_MODE, TlsMode.ENFORCING.getName());
            TlsSystemConfig.tlsMode = TlsMode.ENFORCING;
            tlsSetting(TlsSystemConfig.TLS_TEST_MODE_ENABLE, "false");
            TlsSystemConfig.tlsTestModeEnable = false;
            TlsSystemConfig.tlsServerCertPath = tlsSetting(TlsSystemConfig.TLS_SERVER_CERTPATH,
                    certificate.certificate().getPath());
            TlsSystemConfig.tlsServerKeyPath = tlsSetting(TlsSystemConfig.TLS_SERVER_KEYPATH,
                    certificate.privateKey().getPath());
            tlsSetting(TlsSystemConfig.TLS_CLIENT_AUTHSERVER, "true");
            TlsSystemConfig.tlsClientAuthServer = true;
            TlsSystemConfig.tlsClientTrustCertPath = tlsSetting(TlsSystemConfig.TLS_CLIENT_TRUSTCERTPATH,
                    certificate.certificate().getPath());
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("Cannot make the test certificate", e);
        }
        return EmbeddedRocketMQ.shared();
    }

    private static String tlsSetting(String property, String value) {
        System.setProperty(property, value);
        return value;
    }

    TlsTest() {
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String connection = "?namesrvAddr=" + BROKER.namesrvAddr();
                from("direct:send").to("rocketmq-tx:" + topic + connection + "&useTls=true&producerGroup="
                                       + producerGroup + "&localTransaction=direct:local");
                from("direct:sendWithoutTls").to("rocketmq-tx:" + topic + connection + "&producerGroup="
                                                 + unique("pg") + "&localTransaction=direct:local");
                from("direct:local").process(e -> recordLocalTransaction(e));
                from("rocketmq-tx:" + topic + connection + "&useTls=true&consumerGroup=" + consumerGroup)
                        .process(e -> recordDelivery(e));
            }
        };
    }

    @Test
    void withTlsTheLocalTransactionRunsAndTheCommittedMessageIsConsumed() {
        Exchange sent = send("direct:send", "order-1");

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(localTransactions).containsExactly("order-1");
        awaitDelivered("order-1");
    }

    @Test
    void withoutTlsTheHalfMessageIsNotStoredAndNoLocalTransactionRuns() {
        Exchange sent = send("direct:sendWithoutTls", "order-2");

        assertThat(sent.getException())
                .isInstanceOf(HalfMessageNotStoredException.class)
                .hasMessageContaining("set the option useTls=true");
        assertThat(localTransactions).isEmpty();
    }
}
