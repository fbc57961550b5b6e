package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.StaticSessionCredentialsProvider;
import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;
import org.apache.rocketmq.client.java.exception.UnauthorizedException;
import org.apache.rocketmq.common.action.Action;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A proxy in front of an access-controlled broker, with TLS enforced: it serves gRPC clients with the broker's users
 * and permissions, over TLS only.
 */
class ProxyAccessControlTest {

    private static EmbeddedRocketMQ rocketMQ;
    private static RocketMQProxy proxy;

    /** Left running until the JVM exits, like the shared broker: a broker shutdown takes 10 to 18 s. */
    @BeforeAll
    static void start() {
        rocketMQ = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults().accessControl(true)
            .brokerName("proxy-acl-broker"));
        proxy = RocketMQProxy.start(rocketMQ, RocketMQProxyConfig.defaults().tlsMode(TlsMode.ENFORCING));
    }

    @Test
    void servesAuthorizedClientsOnly() throws Exception {
        String topic = TestClients.unique("acl-tx");
        rocketMQ.createTopic(topic, TopicMessageType.TRANSACTION);
        rocketMQ.createUser("orders", "orders-secret");
        rocketMQ.grant("orders", "Topic:" + topic, Action.PUB, Action.SUB);
        rocketMQ.grant("orders", "Group:*", Action.SUB);
        List<String> received = new CopyOnWriteArrayList<>();

        try (PushConsumer consumer = GrpcClients.PROVIDER.newPushConsumerBuilder()
                 .setClientConfiguration(tlsClient("orders", "orders-secret"))
                 .setConsumerGroup(TestClients.unique("acl-consumer"))
                 .setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL))
                 .setMessageListener(view -> {
                     received.add(StandardCharsets.UTF_8.decode(view.getBody()).toString());
                     return ConsumeResult.SUCCESS;
                 })
                 .build();
             Producer producer = GrpcClients.PROVIDER.newProducerBuilder()
                 .setClientConfiguration(tlsClient("orders", "orders-secret"))
                 .setTopics(topic)
                 .setTransactionChecker(view -> TransactionResolution.COMMIT)
                 .build()) {
            Transaction transaction = producer.beginTransaction();
            producer.send(GrpcClients.PROVIDER.newMessageBuilder().setTopic(topic)
                .setBody("authorized".getBytes(StandardCharsets.UTF_8)).build(), transaction);
            transaction.commit();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("authorized"));
        }

        // The client fails to start: its route query is refused ("check signature failed").
        assertThatThrownBy(() -> GrpcClients.PROVIDER.newProducerBuilder()
            .setClientConfiguration(tlsClient("orders", "wrong-secret")).setTopics(topic).build())
            .hasRootCauseInstanceOf(UnauthorizedException.class);
        assertThat(received).containsExactly("authorized");
    }

    private static ClientConfiguration tlsClient(String accessKey, String secretKey) {
        return ClientConfiguration.newBuilder()
            .setEndpoints(proxy.grpcEndpoints())
            .enableSsl(true)
            .setCredentialProvider(new StaticSessionCredentialsProvider(accessKey, secretKey))
            .build();
    }
}
