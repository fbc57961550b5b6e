package dev.rocketmqtx.camel.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.rocketmq.broker.BrokerStartup;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.namesrv.NamesrvStartup;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

import static org.awaitility.Awaitility.await;

/**
 * A NameServer and a Broker, each in its own JVM started with RocketMQ's own main classes and config files, so the
 * broker can be SIGKILLed and restarted on the same store. Topics are created through the broker's admin API with a
 * plain client, as an operator's tool would.
 */
final class RocketMQProcesses implements AutoCloseable {

    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(90);
    private static final String BROKER_NAME = "broker-killable";

    private final Path dir;
    private final int namesrvPort = Ports.free();
    private final int brokerPort = Ports.freeForBroker();
    private final Path brokerConf;
    private final DefaultMQProducer adminClient;
    private ChildJvm namesrv;
    private ChildJvm broker;
    private int brokerStarts;

    /** Writes the config files and starts both processes; returns once the broker serves requests. */
    RocketMQProcesses(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            Path namesrvConf = dir.resolve("namesrv.conf");
            Files.writeString(namesrvConf, String.join("\n",
                    "listenPort=" + namesrvPort,
                    "kvConfigPath=" + dir.resolve("namesrv/kvConfig.json"),
                    "configStorePath=" + dir.resolve("namesrv/namesrv.properties")) + "\n");
            brokerConf = dir.resolve("broker.conf");
            Files.writeString(brokerConf, brokerConfig());
            namesrv = ChildJvm.start("namesrv", dir.resolve("namesrv-jvm"), jvmArgs("-Xmx128m"), env(),
                    NamesrvStartup.class, "-c", namesrvConf.toString());
            namesrv.awaitLines(line -> line.contains("boot success"), 1, BOOT_TIMEOUT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        startBroker();
        adminClient = new DefaultMQProducer(Names.unique("admin"));
        adminClient.setNamesrvAddr(namesrvAddr());
        try {
            adminClient.start();
        } catch (MQClientException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The settings of the in-process test broker (fast checks, small files, 1 s retries) in broker.conf form.
     * transactionCheckMax is raised from 15 to 60: after a restart the broker knows no producer channel until the
     * producer's next heartbeat (every 30 s), and check rounds without a channel still count toward the maximum. With
     * 1 s rounds, 15 would give half messages up (TRANS_CHECK_MAX_TIME_TOPIC) before the producer is back in touch.
     */
    private String brokerConfig() {
        Path store = dir.resolve("store");
        return String.join("\n",
                "brokerClusterName=KillableCluster",
                "brokerName=" + BROKER_NAME,
                "brokerId=0",
                "namesrvAddr=" + namesrvAddr(),
                "brokerIP1=127.0.0.1",
                "listenPort=" + brokerPort,
                "haListenPort=" + (brokerPort + 1),
                "storePathRootDir=" + store,
                "storePathCommitLog=" + store.resolve("commitlog"),
                "storePathEpochFile=" + store.resolve("epochFileCheckpoint"),
                "storePathBrokerIdentity=" + store.resolve("brokerIdentity"),
                "transactionTimeOut=1000",
                "transactionCheckInterval=1000",
                "transactionOpBatchInterval=50",
                "transactionCheckMax=60",
                "mappedFileSizeCommitLog=" + 64 * 1024 * 1024,
                "mappedFileSizeConsumeQueue=" + 100_000 * 20,
                "maxHashSlotNum=10000",
                "maxIndexNum=40000",
                "mappedFileSizeTimerLog=" + 8 * 1024 * 1024,
                "messageDelayLevel=" + String.join(" ", Collections.nCopies(18, "1s")),
                "diskSpaceWarningLevelRatio=98") + "\n";
    }

    private static List<String> jvmArgs(String heap) {
        // The *Startup mains set the remoting version too; set here as well so that the name server keeps routes
        // whichever main runs first.
        return List.of(heap, "-D" + RemotingCommand.REMOTING_VERSION_KEY + "=" + MQVersion.CURRENT_VERSION,
                "-Dtls.server.mode=disabled");
    }

    /** Without ROCKETMQ_HOME the mains exit at once (254); any folder will do. */
    private Map<String, String> env() {
        return Map.of("ROCKETMQ_HOME", dir.toString());
    }

    String namesrvAddr() {
        return "127.0.0.1:" + namesrvPort;
    }

    String brokerAddr() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Starts the broker JVM (again) on the same store and waits for its boot line. */
    void startBroker() {
        brokerStarts++;
        broker = ChildJvm.start("broker", dir.resolve("broker-jvm-" + brokerStarts), jvmArgs("-Xmx384m"), env(),
                BrokerStartup.class, "-c", brokerConf.toString());
        broker.awaitLines(line -> line.contains("boot success"), 1, BOOT_TIMEOUT);
    }

    /** SIGKILL of the broker JVM: no flush, no unregistration, no goodbye. */
    void killBroker() {
        broker.kill();
    }

    /**
     * Creates the topic (or re-announces it after a restart) until the name server serves its route. The broker
     * registers itself once at start and skips that silently when it finds the name server not yet reachable (next
     * try seconds later); creating a topic publishes the route at once.
     */
    void createTopic(String topic, int queues) {
        TopicConfig config = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
        MQClientAPIImpl api = adminClient.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
        await("route of " + topic).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            api.createTopic(brokerAddr(), TopicValidator.AUTO_CREATE_TOPIC_KEY_TOPIC, config, 3000);
            try {
                TopicRouteData route = api.getTopicRouteInfoFromNameServer(topic, 3000);
                return route != null && !route.getQueueDatas().isEmpty();
            } catch (MQClientException noRouteYet) {
                return false;
            }
        });
    }

    void createRetryTopic(String consumerGroup) {
        createTopic(MixAll.getRetryTopic(consumerGroup), 1);
    }

    @Override
    public void close() {
        adminClient.shutdown();
        if (broker != null) {
            broker.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
    }
}
