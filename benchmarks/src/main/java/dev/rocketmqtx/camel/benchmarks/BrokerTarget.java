package dev.rocketmqtx.camel.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
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
