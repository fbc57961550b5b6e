package dev.rocketmqtx.camel.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * The broker the benchmark talks to: the embedded one of this JVM, or an external one reached by its name server.
 * Creates topics and hands out client names, so that every client of the run (raw or component) has its own
 * client instance, as the component gives each of its clients.
 */
final class BrokerTarget implements AutoCloseable {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final int QUEUES = 4;
    /** RocketMQ's default: no benchmark consumer fails a message, so it never matters. */
    private static final int GRPC_GROUP_MAX_RETRIES = 16;

    private final EmbeddedRocketMQ embedded;
    private final String namesrvAddr;
    private final String runId;
    private DefaultMQProducer admin;

    private BrokerTarget(EmbeddedRocketMQ embedded, String namesrvAddr, String runId) {
        this.embedded = embedded;
        this.namesrvAddr = namesrvAddr;
        this.runId = runId;
    }

    static BrokerTarget embedded(EmbeddedRocketMQ broker, String runId) {
        return new BrokerTarget(broker, broker.namesrvAddr(), runId);
    }

    static BrokerTarget external(String namesrvAddr, String runId) {
        return new BrokerTarget(null, namesrvAddr, runId);
    }

    String namesrvAddr() {
        return namesrvAddr;
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    /** A name unique to this run, so that repeated runs against one external broker never share groups. */
    String name(String prefix) {
        return "bench-" + runId + "-" + prefix;
    }

    static String clientInstanceName(String role) {
        return "bench-" + ProcessHandle.current().pid() + "-" + role + "-" + CLIENTS.incrementAndGet();
    }

    /** Creates the topic and returns once clients can route to it. */
    String createTopic(String prefix) throws MQClientException {
        String topic = name(prefix);
        if (embedded != null) {
            embedded.createTopic(topic, QUEUES);
        } else {
            admin().createTopic(TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, topic, QUEUES, null);
            // An external name server learns the topic with the broker's next registration.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (admin().fetchPublishMessageQueues(topic).isEmpty() && System.nanoTime() < deadline) {
                sleep(200);
            }
        }
        return topic;
    }

    /**
     * The embedded broker, for the sections that need one: those that start a RocketMQ 5 proxy in front of it.
     *
     * @throws IllegalStateException with an external broker
     */
    EmbeddedRocketMQ embedded(String section) {
        if (embedded == null) {
            throw new IllegalStateException("Section " + section + " starts a RocketMQ proxy in front of the embedded"
                                            + " broker: run it without --namesrv");
        }
        return embedded;
    }

    /**
     * Creates a topic typed for a RocketMQ 5 proxy (the proxy takes transactional sends only on a TRANSACTION topic)
     * on the embedded broker and returns once clients can route to it.
     */
    String createTopic(String prefix, TopicMessageType type) {
        String topic = name(prefix);
        embedded("with typed topics").createTopic(topic, QUEUES, type);
        return topic;
    }

    /**
     * Creates a consumer group for consumers through the proxy and makes it start at the first message of the topic.
     * A gRPC consumer (POP) has no "consume from first offset" setting: a new group starts at the first message only
     * while the broker judges that message still in memory, else at the end. Committing offset 0 for the group up
     * front makes every drain start at the first message, whatever the broker's memory.
     */
    void prepareGrpcConsumerGroup(String group, String topic) {
        EmbeddedRocketMQ broker = embedded("with gRPC consumers");
        broker.createConsumerGroup(group, GRPC_GROUP_MAX_RETRIES);
        for (int queue = 0; queue < QUEUES; queue++) {
            broker.broker().getConsumerOffsetManager().commitOffset("benchmark", group, topic, queue, 0);
        }
    }

    /** Messages stored in the topic's queues (committed transactional messages included once committed). */
    long storedMessages(String topic) throws MQClientException {
        long sum = 0;
        for (MessageQueue queue : admin().fetchPublishMessageQueues(topic)) {
            sum += admin().maxOffset(queue);
        }
        return sum;
    }

    long transactionTimeoutMillis(BenchmarkOptions options) {
        if (options.checkTimeoutMillis > 0 || embedded == null) {
            return options.checkTimeoutMillis;
        }
        return embedded.broker().getBrokerConfig().getTransactionTimeOut();
    }

    long transactionCheckIntervalMillis(BenchmarkOptions options) {
        if (options.checkIntervalMillis > 0 || embedded == null) {
            return options.checkIntervalMillis;
        }
        return embedded.broker().getBrokerConfig().getTransactionCheckInterval();
    }

    private synchronized DefaultMQProducer admin() throws MQClientException {
        if (admin == null) {
            admin = new DefaultMQProducer(name("admin"));
            admin.setNamesrvAddr(namesrvAddr);
            admin.setInstanceName(clientInstanceName("admin"));
            admin.start();
        }
        return admin;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.shutdown();
            admin = null;
        }
    }
}
