package dev.rocketmqtx.camel.benchmarks;

import org.apache.rocketmq.client.apis.message.Message;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;

/**
 * The gRPC baseline: the RocketMQ 5 client's transactional producer through a proxy, beginTransaction, send,
 * commit, with no local transaction in between (as the raw remoting baseline commits at once). Its settings are the
 * component's gRPC defaults: plain text, 3 s request timeout, 3 attempts per send.
 */
final class RawGrpcTransactionSender implements Sender {

    private final Producer producer;
    private final String topic;

    RawGrpcTransactionSender(String endpoints, String topic) throws Exception {
        this.topic = topic;
        producer = GrpcClients.PROVIDER.newProducerBuilder()
                .setClientConfiguration(GrpcClients.configuration(endpoints))
                // Declared up front, as the component does: the proxy relays a topic's checks only to producers that
                // declared it.
                .setTopics(topic)
                .setMaxAttempts(3)
                .setTransactionChecker(message -> TransactionResolution.COMMIT)
                .build();
    }

    @Override
    public String id() {
        return "grpc-raw";
    }

    @Override
    public String name() {
        return "raw gRPC client";
    }

    @Override
    public void send(byte[] body) throws Exception {
        Message message = GrpcClients.PROVIDER.newMessageBuilder().setTopic(topic).setBody(body).build();
        Transaction transaction = producer.beginTransaction();
        producer.send(message, transaction);
        transaction.commit();
    }

    @Override
    public void close() throws Exception {
        producer.close();
    }
}
