package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.SendReceipt;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transactional messages of the RocketMQ 5 gRPC client through a real proxy, to a gRPC push consumer. */
@ExtendWith(EmbeddedRocketMQExtension.class)
class ProxyGrpcTransactionTest {

    @Test
    void committedTransactionIsDelivered(EmbeddedRocketMQ rocketMQ, RocketMQProxy proxy) throws Exception {
        String topic = TestClients.unique("grpc-tx");
        rocketMQ.createTopic(topic, TopicMessageType.TRANSACTION);
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> checked = new CopyOnWriteArrayList<>();

        try (PushConsumer consumer = GrpcClients.pushConsumer(proxy, TestClients.unique("grpc-consumer"), topic,
                 view -> receive(view, received));
             // UNKNOWN: a check can neither deliver nor drop the message, so only the commit can deliver it.
             Producer producer = GrpcClients.transactionalProducer(proxy, topic,
                 view -> check(view, checked, TransactionResolution.UNKNOWN))) {
            Transaction transaction = producer.beginTransaction();
            producer.send(message(topic, "committed"), transaction);
            transaction.commit();

            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("committed"));
        }
    }

    @Test
    void unresolvedTransactionIsCommittedByTheChecker(EmbeddedRocketMQ rocketMQ, RocketMQProxy proxy)
        throws Exception {
        String topic = TestClients.unique("grpc-tx-check");
        rocketMQ.createTopic(topic, TopicMessageType.TRANSACTION);
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> checked = new CopyOnWriteArrayList<>();

        try (PushConsumer consumer = GrpcClients.pushConsumer(proxy, TestClients.unique("grpc-consumer"), topic,
                 view -> receive(view, received));
             Producer producer = GrpcClients.transactionalProducer(proxy, topic,
                 view -> check(view, checked, TransactionResolution.COMMIT))) {
            Transaction transaction = producer.beginTransaction();
            SendReceipt receipt = producer.send(message(topic, "in doubt"), transaction);
            // Neither commit() nor rollback(): as if the producer had crashed before deciding.

            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains("in doubt"));
            assertThat(checked).contains(receipt.getMessageId().toString());
        }
    }

    private static org.apache.rocketmq.client.apis.message.Message message(String topic, String body) {
        return GrpcClients.PROVIDER.newMessageBuilder()
            .setTopic(topic)
            .setBody(body.getBytes(StandardCharsets.UTF_8))
            .build();
    }

    private static ConsumeResult receive(MessageView view, List<String> received) {
        received.add(StandardCharsets.UTF_8.decode(view.getBody()).toString());
        return ConsumeResult.SUCCESS;
    }

    private static TransactionResolution check(MessageView view, List<String> checked,
                                               TransactionResolution resolution) {
        checked.add(view.getMessageId().toString());
        return resolution;
    }
}
