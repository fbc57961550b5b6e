package dev.rocketmqtx.camel.benchmarks;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;

/** (a) The floor: a plain synchronous send, no transaction at all. */
final class RawSyncSender implements Sender {

    private final DefaultMQProducer producer;
    private final String topic;

    RawSyncSender(BrokerTarget broker, String topic) throws Exception {
        this.topic = topic;
        producer = new DefaultMQProducer(broker.name("pg-raw-sync"));
        producer.setNamesrvAddr(broker.namesrvAddr());
        producer.setInstanceName(BrokerTarget.clientInstanceName("raw-sync"));
        producer.start();
    }

    @Override
    public String id() {
        return "a";
    }

    @Override
    public String name() {
        return "a: raw sync send";
    }

    @Override
    public void send(byte[] body) throws Exception {
        SendResult result = producer.send(new Message(topic, body));
        if (result.getSendStatus() != SendStatus.SEND_OK) {
            throw new IllegalStateException("Send answered " + result.getSendStatus());
        }
    }

    @Override
    public void close() {
        producer.shutdown();
    }
}
