package dev.rocketmqtx.camel.testcontainers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.LazyFuture;

/**
 * A RocketMQ name server and broker in one Docker container, tuned for tests of transactional messaging like the
 * in-process {@code EmbeddedRocketMQ}: the first transaction check after 1 s, checks every second, consumer
 * redelivery after 1 s, small store files, SQL92 filtering on.
 *
 * <pre>
 * try (RocketMQContainer rocketMQ = new RocketMQContainer()) {     // image of RocketMQImage.defaults()
 *     rocketMQ.start();
 *     rocketMQ.createTopic("orders");
 *     rocketMQ.createRetryTopic("shipping");                        // before the consumer starts
 *     ... "rocketmq-tx:orders?namesrvAddr=" + rocketMQ.namesrvAddr() + ...
 * }
 * </pre>
 *
 * <p><b>Addresses.</b> Clients ask the name server for the broker's address and connect to what the broker
 * registered, not to the address they were given. The broker therefore advertises {@code 127.0.0.1:P} and the
 * container publishes its port P under the same number on the engine's loopback interface: clients on the machine
 * that runs the Docker engine (the usual local engine, Docker Desktop) reach it; other containers and other machines
 * do not. All ports are published on 127.0.0.1 only. The name server's port 9876 is published on a free port:
 * {@link #namesrvAddr()}.
 *
 * <p><b>Start.</b> The image is built on first use (see {@link RocketMQImage}); a container is ready when the name
 * server lists the broker and the broker answers on its published port. The broker can be restarted in place
 * ({@link #restartBroker()}, {@link #killAndRestartBroker()}); store, topics and ports stay.
 */
public class RocketMQContainer extends GenericContainer<RocketMQContainer> {

    /** The name server's port inside the container. */
    public static final int NAMESRV_PORT = 9876;
    /** Label on every container started by this class. */
    public static final String LABEL = "dev.rocketmqtx.container";

    static final String LOOPBACK = "127.0.0.1";
    private static final String HOME = "/opt/rocketmq";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 50;
    private static final int DEFAULT_QUEUES = 4;
    /** Consumer groups retry from one queue unless their subscription group config says otherwise. */
    private static final int RETRY_QUEUES = 1;
    private static final int DELAY_LEVELS = 18;
    private static final int MIB = 1024 * 1024;
    /** Set by this class from the published ports: a broker advertising anything else is unreachable for clients. */
    private static final Set<String> ADDRESS_PROPERTIES = Set.of("brokerIP1", "listenPort", "namesrvAddr");
    /**
     * The client-side compiler only and the serial collector: name server and broker start with about a third less
     * CPU (measured 9-11 s instead of 14-18 s of CPU for both), which is most of what a test asks of them.
     */
    private static final String LEAN_JVM = "-XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    private final RocketMQImage image;
    private Duration transactionTimeout = Duration.ofSeconds(1);
    private Duration transactionCheckInterval = Duration.ofSeconds(1);
    private Duration transactionOpBatchInterval = Duration.ofMillis(50);
    private int transactionCheckMax = 15;
    private Duration consumerRetryDelay = Duration.ofSeconds(1);
    private String brokerName = "broker-a";
    private String clusterName = "DefaultCluster";
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private String namesrvJavaOptions = "-Xms64m -Xmx128m " + LEAN_JVM;
    private String brokerJavaOptions = "-Xms256m -Xmx512m " + LEAN_JVM;

    private int brokerPort;
    private BrokerAdmin admin;

    /** A container of the image {@link RocketMQImage#defaults()} describes. */
    public RocketMQContainer() {
        this(RocketMQImage.defaults());
    }

    /** A container of {@code image}, built when the container starts (or found built before). */
    public RocketMQContainer(RocketMQImage image) {
        super(new LazyFuture<String>() {
            @Override
            protected String resolve() {
                return image.build();
            }
        });
        this.image = image;
        withLabel(LABEL, "rocketmq");
        waitingFor(new BrokerReady());
        withStartupTimeout(STARTUP_TIMEOUT);
    }

    /** How long a half message may stay unresolved before the broker asks a producer (default 1 s). */
    public RocketMQContainer withTransactionTimeout(Duration timeout) {
        this.transactionTimeout = positive("transactionTimeout", timeout);
        return self();
    }

    /** How often the broker scans for half messages to check (default 1 s). */
    public RocketMQContainer withTransactionCheckInterval(Duration interval) {
        this.transactionCheckInterval = positive("transactionCheckInterval", interval);
        return self();
    }

    /**
     * How long the broker batches commit/rollback records before writing them (default 50 ms). It must stay far below
     * the transaction timeout: a resolved half message whose record is still batched is checked again and, when the
     * check answers COMMIT, delivered twice.
     */
    public RocketMQContainer withTransactionOpBatchInterval(Duration interval) {
        this.transactionOpBatchInterval = positive("transactionOpBatchInterval", interval);
        return self();
    }

    /** Checks per half message before the broker gives up on it (default 15). */
    public RocketMQContainer withTransactionCheckMax(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("transactionCheckMax must be at least 1, was: " + max);
        }
        this.transactionCheckMax = max;
        return self();
    }

    /**
     * The wait before each redelivery of a message whose consumer failed (default 1 s; RocketMQ's own default grows
     * from 10 s to 2 h). Whole seconds: the broker's delay levels have no finer unit.
     */
    public RocketMQContainer withConsumerRetryDelay(Duration delay) {
        positive("consumerRetryDelay", delay);
        if (delay.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException("consumerRetryDelay must be whole seconds, was: " + delay);
        }
        this.consumerRetryDelay = delay;
        return self();
    }

    public RocketMQContainer withBrokerName(String name) {
        this.brokerName = identifier("brokerName", name);
        return self();
    }

    public RocketMQContainer withClusterName(String name) {
        this.clusterName = identifier("clusterName", name);
        return self();
    }

    /**
     * Any setting of the broker's configuration file (BrokerConfig, MessageStoreConfig, NettyServerConfig and
     * AuthConfig fields by name), applied after this class's own. brokerIP1, listenPort and namesrvAddr are refused:
     * they make the address the broker advertises, which must be the published one.
     */
    public RocketMQContainer withBrokerProperty(String key, String value) {
        identifier("broker property name", key);
        Objects.requireNonNull(value, "value of broker property " + key);
        if (ADDRESS_PROPERTIES.contains(key)) {
            throw new IllegalArgumentException("Broker property " + key + " is set by RocketMQContainer: clients connect"
                + " to the address the broker advertises, which must be the port published on 127.0.0.1");
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("Broker property " + key + " must be one line, was: " + value);
        }
        brokerProperties.put(key, value);
        return self();
    }

    /** JVM options of the name server (default {@code -Xms64m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}). */
    public RocketMQContainer withNamesrvJavaOptions(String options) {
        this.namesrvJavaOptions = Objects.requireNonNull(options, "namesrvJavaOptions");
        return self();
    }

    /** JVM options of the broker (default {@code -Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}). */
    public RocketMQContainer withBrokerJavaOptions(String options) {
        this.brokerJavaOptions = Objects.requireNonNull(options, "brokerJavaOptions");
        return self();
    }

    public RocketMQImage image() {
        return image;
    }

    /** "127.0.0.1:&lt;port&gt;", for the {@code namesrvAddr} of clients on this machine. */
    public String namesrvAddr() {
        return LOOPBACK + ":" + getMappedPort(NAMESRV_PORT);
    }

    /** The address the broker advertises and clients connect to: "127.0.0.1:&lt;port&gt;", published as is. */
    public String brokerAddr() {
        requireStarted("brokerAddr");
        return LOOPBACK + ":" + brokerPort;
    }

    public String brokerName() {
        return brokerName;
    }

    /** Creates (or updates) a topic with 4 read and 4 write queues; returns once the name server serves its route. */
    public void createTopic(String topic) {
        createTopic(topic, DEFAULT_QUEUES);
    }

    /** Creates (or updates) a topic with the given read and write queues; returns once the name server serves its route. */
    public void createTopic(String topic, int queues) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (queues < 1) {
            throw new IllegalArgumentException("queues must be at least 1, was: " + queues);
        }
        requireStarted("createTopic");
        admin().createTopic(brokerAddr(), new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE));
        await("the route of topic " + topic, ROUTE_TIMEOUT, () -> admin().hasRoute(topic, brokerName, queues));
    }

    /**
     * Creates the retry topic of a consumer group ({@code %RETRY%<group>}). Call it before the consumer starts: a
     * consumer loads the retry topic's route when it starts and then only every 30 s, so a retry topic the broker
     * creates on the first failure delays the first redelivery by up to 30 s.
     */
    public void createRetryTopic(String consumerGroup) {
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumerGroup must not be blank");
        }
        createTopic(MixAll.getRetryTopic(consumerGroup), RETRY_QUEUES);
    }

    /** The broker's settings as it runs with them (GET_BROKER_CONFIG). */
    public Properties brokerConfig() {
        requireStarted("brokerConfig");
        return admin().brokerConfig(brokerAddr());
    }

    /** What the broker reports about itself (GET_BROKER_RUNTIME_INFO): brokerVersionDesc, bootTimestamp, ... */
    public Map<String, String> brokerRuntimeInfo() {
        requireStarted("brokerRuntimeInfo");
        return admin().runtimeInfo(brokerAddr());
    }

    /**
     * Stops the broker normally (SIGTERM: it persists consumer offsets and flushes; takes 10 to 20 s) and starts it
     * again in the same container, with the same store, topics and port. Returns once the new broker is registered
     * and answers. Clients reconnect by themselves.
     */
    public void restartBroker() {
        restart("USR2");
    }

    /**
     * Kills the broker's JVM (SIGKILL, as a crash would) and starts it again in the same container, with the same
     * store, topics and port; returns once the new broker is registered and answers. What the killed broker had
     * written survives in the operating system's page cache, as it does when only the process dies; consumer
     * offsets of the last few seconds do not (they are persisted every 5 s), so consumers get those messages again.
     */
    public void killAndRestartBroker() {
        restart("USR1");
    }

    private void restart(String signal) {
        requireStarted("restartBroker");
        long before = admin().bootTimestamp(brokerAddr()).orElse(0L);
        ExecResult result;
        try {
            result = execInContainer("sh", "-c", "kill -s " + signal + " 1");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot signal the container's start script", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting the broker", e);
        }
        if (result.getExitCode() != 0) {
            throw new IllegalStateException("Signalling the container's start script failed: " + result.getStderr());
        }
        awaitBroker("the restarted broker", STARTUP_TIMEOUT, boot -> boot != before);
    }

    @Override
    protected void configure() {
        validate();
        requireLocalEngine();
        brokerPort = HostPorts.forBroker();
        withCopyToContainer(Transferable.of(propertiesText(namesrvProperties())), HOME + "/conf/namesrv.conf");
        withCopyToContainer(Transferable.of(propertiesText(brokerProperties())), HOME + "/conf/broker.conf");
        withEnv("NAMESRV_JAVA_OPTS", namesrvJavaOptions);
        withEnv("BROKER_JAVA_OPTS", brokerJavaOptions);
        int port = brokerPort;
        withCreateContainerCmdModifier(cmd -> {
            ExposedPort namesrv = ExposedPort.tcp(NAMESRV_PORT);
            ExposedPort broker = ExposedPort.tcp(port);
            ExposedPort brokerFast = ExposedPort.tcp(port - 2);
            cmd.withExposedPorts(namesrv, broker, brokerFast);
            // Published under the same numbers for the broker: the port in the address it advertises is the one
            // clients connect to. The name server's address is given to clients, so any free port will do.
            cmd.getHostConfig().withPortBindings(
                new PortBinding(Ports.Binding.bindIp(LOOPBACK), namesrv),
                new PortBinding(Ports.Binding.bindIpAndPort(LOOPBACK, port), broker),
                new PortBinding(Ports.Binding.bindIpAndPort(LOOPBACK, port - 2), brokerFast));
        });
    }

    /** Checks the settings that depend on each other; the setters check each one alone. */
    void validate() {
        if (transactionOpBatchInterval.compareTo(transactionTimeout) >= 0) {
            throw new IllegalArgumentException("transactionOpBatchInterval (" + transactionOpBatchInterval.toMillis()
                + " ms) must be far below transactionTimeout (" + transactionTimeout.toMillis() + " ms): resolved half"
                + " messages would be checked again and committed ones delivered twice");
        }
    }

    private Map<String, String> namesrvProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("listenPort", Integer.toString(NAMESRV_PORT));
        return properties;
    }

    Map<String, String> brokerProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("brokerClusterName", clusterName);
        properties.put("brokerName", brokerName);
        properties.put("brokerId", Long.toString(MixAll.MASTER_ID));
        properties.put("namesrvAddr", "127.0.0.1:" + NAMESRV_PORT);
        // The address trap: clients connect to what the broker registers with the name server. Inside the container
        // 127.0.0.1:P is the broker itself; on the engine's machine it is the published port P.
        properties.put("brokerIP1", LOOPBACK);
        properties.put("listenPort", Integer.toString(brokerPort));
        properties.put("storePathRootDir", HOME + "/store");
        properties.put("storePathCommitLog", HOME + "/store/commitlog");
        // SQL92 subscriptions (MessageSelector.bySql) are refused unless property filtering is on.
        properties.put("enablePropertyFilter", "true");
        properties.put("transactionTimeOut", Long.toString(transactionTimeout.toMillis()));
        properties.put("transactionCheckInterval", Long.toString(transactionCheckInterval.toMillis()));
        properties.put("transactionOpBatchInterval", Long.toString(transactionOpBatchInterval.toMillis()));
        properties.put("transactionCheckMax", Integer.toString(transactionCheckMax));
        // A send waits at most 200 ms in the broker's queue before it is refused as "broker busy"; on a test machine
        // whose CPUs are shared with a build that refuses sends a real deployment would never see refused.
        properties.put("waitTimeMillsInSendQueue", "3000");
        // The production sizes (1 GiB commit log, 300k-entry queues, 5M-slot index, 100 MiB timer log) cost seconds
        // of file preallocation and a lot of address space for nothing in tests.
        properties.put("mappedFileSizeCommitLog", Integer.toString(64 * MIB));
        properties.put("mappedFileSizeConsumeQueue", Integer.toString(100_000 * 20));
        properties.put("maxHashSlotNum", "10000");
        properties.put("maxIndexNum", "40000");
        properties.put("mappedFileSizeTimerLog", Integer.toString(8 * MIB));
        // Consumer redelivery uses the delay levels: all of them the configured delay instead of 10 s, 30 s, 1 min...
        properties.put("messageDelayLevel",
            String.join(" ", Collections.nCopies(DELAY_LEVELS, consumerRetryDelay.toSeconds() + "s")));
        // The timer's flush compares its whole 38 MiB wheel every second by default: steady CPU for a feature tests
        // hardly use (transactional messages cannot be delayed; consumer retries use delay levels).
        properties.put("timerFlushIntervalMs", "60000");
        // A test machine with a nearly full disk would otherwise make the broker refuse every write.
        properties.put("diskSpaceWarningLevelRatio", "98");
        properties.putAll(brokerProperties);
        return properties;
    }

    private static String propertiesText(Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }

    @Override
    public void stop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        super.stop();
    }

    private synchronized BrokerAdmin admin() {
        if (admin == null) {
            admin = new BrokerAdmin(namesrvAddr());
        }
        return admin;
    }

    /** Waits until the name server lists the broker at its advertised address and the broker answers there. */
    private void awaitBroker(String what, Duration timeout, LongPredicate bootTimestamp) {
        String address = brokerAddr();
        await(what + " to register as " + brokerName + " at " + address + " with the name server at " + namesrvAddr(),
            timeout, () -> {
                Optional<Long> boot = admin().bootTimestamp(address);
                return boot.isPresent() && bootTimestamp.test(boot.get())
                    && admin().registeredAddress(brokerName).filter(address::equals).isPresent();
            });
    }

    private void await(String what, Duration timeout, BooleanSupplier done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            if (!isRunning()) {
                throw new IllegalStateException("The RocketMQ container stopped while waiting for " + what
                    + ". Its output:\n" + getLogs());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("Timed out after " + timeout.toSeconds() + " s waiting for " + what
                    + ". Container output:\n" + getLogs());
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + what, e);
            }
        }
    }

    private void requireStarted(String operation) {
        if (getContainerId() == null) {
            throw new IllegalStateException(operation + " needs a started RocketMQContainer: call start() first");
        }
    }

    /**
     * The broker advertises 127.0.0.1 and the ports are published on the engine's loopback: that works only when the
     * engine runs on this machine. Fail clearly instead of timing out on unreachable addresses.
     */
    private static void requireLocalEngine() {
        String host = DockerClientFactory.instance().dockerHostIpAddress();
        boolean local;
        try {
            local = InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            local = false;
        }
        if (!local) {
            throw new IllegalStateException("RocketMQContainer needs a Docker engine on this machine: the broker"
                + " advertises 127.0.0.1 and its ports are published on the engine's 127.0.0.1, but the engine is at "
                + host);
        }
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was: " + value);
        }
        return value;
    }

    private static String identifier(String name, String value) {
        if (value == null || !value.matches("[A-Za-z0-9_.%-]+")) {
            throw new IllegalArgumentException(name + " must be letters, digits, '.', '_', '%' or '-', was: " + value);
        }
        return value;
    }

    /** Ready when the name server lists the broker at its advertised address and the broker answers there. */
    private final class BrokerReady extends AbstractWaitStrategy {
        @Override
        protected void waitUntilReady() {
            try {
                awaitBroker("the broker", startupTimeout, boot -> true);
            } catch (IllegalStateException e) {
                throw new ContainerLaunchException(e.getMessage(), e);
            }
        }
    }
}
