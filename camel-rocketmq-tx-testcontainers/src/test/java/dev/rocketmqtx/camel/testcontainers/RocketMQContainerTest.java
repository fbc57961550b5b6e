package dev.rocketmqtx.camel.testcontainers;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared container as a client on the engine's machine meets it: addresses, published ports, broker settings. */
@ExtendWith(RocketMQContainerExtension.class)
class RocketMQContainerTest {

    @Test
    void nameServerHandsOutTheBrokerAddressClientsOnThisMachineReach(RocketMQContainer rocketMQ) throws Exception {
        String topic = "address-" + ProcessHandle.current().pid();
        rocketMQ.createTopic(topic);
        DefaultMQProducer producer = new DefaultMQProducer("address-check-" + ProcessHandle.current().pid());
        producer.setNamesrvAddr(rocketMQ.namesrvAddr());
        producer.start();
        try {
            TopicRouteData route = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl()
                .getTopicRouteInfoFromNameServer(topic, 3000);
            List<String> addresses = route.getBrokerDatas().stream()
                .flatMap(broker -> broker.getBrokerAddrs().values().stream()).toList();
            assertThat(addresses).containsExactly(rocketMQ.brokerAddr());
            assertThat(rocketMQ.brokerAddr()).startsWith("127.0.0.1:");

            SendResult sent = producer.send(new Message(topic, "ping".getBytes(StandardCharsets.UTF_8)));
            assertThat(sent.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void brokerPortIsPublishedUnderItsOwnNumber(RocketMQContainer rocketMQ) {
        int advertisedPort = Integer.parseInt(rocketMQ.brokerAddr().substring(rocketMQ.brokerAddr().indexOf(':') + 1));

        assertThat(rocketMQ.getMappedPort(advertisedPort)).isEqualTo(advertisedPort);
    }

    @Test
    void everyPortIsPublishedOnLoopbackOnly(RocketMQContainer rocketMQ) {
        Map<ExposedPort, Ports.Binding[]> bindings = rocketMQ.getContainerInfo().getNetworkSettings().getPorts()
            .getBindings();

        assertThat(bindings).hasSize(3);
        assertThat(bindings.values()).allSatisfy(published ->
            assertThat(published).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1"));
    }

    @Test
    void brokerRunsWithSettingsForTransactionalTests(RocketMQContainer rocketMQ) {
        Properties config = rocketMQ.brokerConfig();

        assertThat(config)
            .containsEntry("transactionTimeOut", "1000")
            .containsEntry("transactionCheckInterval", "1000")
            .containsEntry("transactionOpBatchInterval", "50")
            .containsEntry("transactionCheckMax", "15")
            .containsEntry("messageDelayLevel", String.join(" ", Collections.nCopies(18, "1s")))
            .containsEntry("brokerIP1", "127.0.0.1")
            .containsEntry("enablePropertyFilter", "true");
    }

    @Test
    void createTopicPublishesTheRouteWithTheQueuesAsked(RocketMQContainer rocketMQ) throws Exception {
        String topic = "queues-" + ProcessHandle.current().pid();

        rocketMQ.createTopic(topic, 2);

        DefaultMQProducer producer = new DefaultMQProducer("route-check-" + ProcessHandle.current().pid());
        producer.setNamesrvAddr(rocketMQ.namesrvAddr());
        producer.start();
        try {
            TopicRouteData route = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl()
                .getTopicRouteInfoFromNameServer(topic, 3000);
            assertThat(route.getQueueDatas()).singleElement().satisfies(queues -> {
                assertThat(queues.getReadQueueNums()).isEqualTo(2);
                assertThat(queues.getWriteQueueNums()).isEqualTo(2);
                assertThat(queues.getBrokerName()).isEqualTo(rocketMQ.brokerName());
            });
            assertThat(route.getBrokerDatas()).extracting(BrokerData::getBrokerName).containsExactly(rocketMQ.brokerName());
        } finally {
            producer.shutdown();
        }
    }
}
