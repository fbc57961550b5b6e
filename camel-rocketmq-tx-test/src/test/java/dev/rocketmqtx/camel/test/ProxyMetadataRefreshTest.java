package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proxy caches what it found about a topic, "nothing" included; the test proxy reloads it within about a second
 * (the proxy's default: 20 s), so a test may create a topic after something already asked the proxy for it.
 */
@ExtendWith(EmbeddedRocketMQExtension.class)
class ProxyMetadataRefreshTest {

    @Test
    void topicCreatedAfterTheProxyLookedForItBecomesUsable(EmbeddedRocketMQ rocketMQ, RocketMQProxy proxy)
        throws Exception {
        String topic = TestClients.unique("late-topic");
        DefaultMQProducer producer = new DefaultMQProducer(TestClients.unique("late-producer"));
        producer.setNamesrvAddr(proxy.remotingAddress());
        producer.setRetryTimesWhenSendFailed(0);
        try {
            producer.start();
            // The client falls back to the route of the default topic (TBW102) and sends to the proxy, which finds no
            // configuration for the topic, so no message type: it refuses the send and caches that it found none.
            assertThatThrownBy(() -> producer.send(message(topic)))
                .isInstanceOf(MQBrokerException.class)
                .hasMessageContaining("TopicMessageType validate failed, the expected type is UNSPECIFIED");

            rocketMQ.createTopic(topic);

            // With the proxy's default refresh the cached "no configuration" would refuse sends for 20 s or more.
            await().atMost(Duration.ofSeconds(10)).ignoreException(MQBrokerException.class)
                .untilAsserted(() -> assertThat(producer.send(message(topic)).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK));
        } finally {
            producer.shutdown();
        }
    }

    private static Message message(String topic) {
        return new Message(topic, "late".getBytes(StandardCharsets.UTF_8));
    }
}
