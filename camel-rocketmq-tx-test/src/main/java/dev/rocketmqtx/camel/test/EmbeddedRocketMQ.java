package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.rocketmq.auth.authentication.enums.UserType;
import org.apache.rocketmq.auth.authentication.model.User;
import org.apache.rocketmq.auth.authorization.enums.Decision;
import org.apache.rocketmq.auth.authorization.model.Acl;
import org.apache.rocketmq.auth.authorization.model.Resource;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.topic.TopicConfigManager;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicAttributes;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.action.Action;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.protocol.subscription.CustomizedRetryPolicy;
import org.apache.rocketmq.remoting.protocol.subscription.GroupRetryPolicy;
import org.apache.rocketmq.remoting.protocol.subscription.GroupRetryPolicyType;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;

/**
 * A real RocketMQ NameServer and Broker running inside this JVM on free loopback ports, with a
 * throw-away store, tuned for tests: transaction checks within about a second, 1 s consumer
 * redelivery, small files, SQL92 filtering on.
 *
 * <p>Use {@link #shared()} in tests: starting takes 2 to 3 seconds in a fresh JVM (more on a busy
 * machine), but a broker shutdown takes 10 to 18 seconds, so one instance serves every test class of
 * the JVM and dies with it.
 */
public final class EmbeddedRocketMQ implements AutoCloseable {

    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(10);
    private static final int DEFAULT_QUEUES = 4;
    /** Consumer groups retry from one queue unless their subscription group config says otherwise. */
    private static final int RETRY_QUEUES = 1;
    /** Entries of a customized retry policy: the broker's default has 18, one per delay level. */
    private static final int RETRY_BACKOFF_STEPS = 18;

    private static volatile EmbeddedRocketMQ shared;

    private final NamesrvController namesrv;
    private final BrokerController broker;
    private final String namesrvAddr;
    private final Path storeDir;
    private final boolean ownsStoreDir;
    private final boolean isShared;
    /** False for a broker added with {@link #startBroker}: the NameServer belongs to the instance it joined. */
    private final boolean ownsNamesrv;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedRocketMQ(NamesrvController namesrv, BrokerController broker, Path storeDir,
                             boolean ownsStoreDir, boolean isShared) {
        this(namesrv, broker, storeDir, ownsStoreDir, isShared, true);
    }

    private EmbeddedRocketMQ(NamesrvController namesrv, BrokerController broker, Path storeDir,
                             boolean ownsStoreDir, boolean isShared, boolean ownsNamesrv) {
        this.namesrv = namesrv;
        this.broker = broker;
        this.namesrvAddr = ServerSettings.LOOPBACK + ":" + namesrv.getNettyServerConfig().getListenPort();
        this.storeDir = storeDir;
        this.ownsStoreDir = ownsStoreDir;
        this.isShared = isShared;
        this.ownsNamesrv = ownsNamesrv;
    }

    /**
     * The JVM's shared instance with default settings, started on first use. It is never shut down:
     * the JVM's exit ends it, and {@link #close()} on it does nothing.
     */
    public static EmbeddedRocketMQ shared() {
        EmbeddedRocketMQ instance = shared;
        if (instance == null) {
            synchronized (EmbeddedRocketMQ.class) {
                instance = shared;
                if (instance == null) {
                    // A failed start leaves the field empty, so the next caller tries again.
                    instance = start(EmbeddedRocketMQConfig.defaults(), true);
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** Starts a new instance, separate from the shared one; the caller must {@link #close()} it. */
    public static EmbeddedRocketMQ start(EmbeddedRocketMQConfig config) {
        return start(Objects.requireNonNull(config, "config"), false);
    }

    private static EmbeddedRocketMQ start(EmbeddedRocketMQConfig config, boolean isShared) {
        JvmSettings.apply();
        boolean ownsStoreDir = config.storeDir() == null;
        Path storeDir = ownsStoreDir ? newTempDir() : config.storeDir();
        int namesrvPort = config.namesrvPort() != 0 ? config.namesrvPort() : FreePorts.any();
        // The NameServer starts while the broker loads its store: in a cold JVM both are mostly class
        // loading, and overlapping them saves a second or more. The broker starts only once the
        // NameServer listens: its client probes NameServers every 3 s and registers only with those found.
        CompletableFuture<NamesrvController> namesrvStart = CompletableFuture.supplyAsync(
            () -> startNamesrv(storeDir, namesrvPort), EmbeddedRocketMQ::runInNewThread);
        BrokerController broker = null;
        try {
            broker = initializeBroker(config, storeDir, ServerSettings.LOOPBACK + ":" + namesrvPort);
            NamesrvController namesrv = join(namesrvStart);
            startBroker(broker);
            awaitRegistration(namesrv, broker);
            return new EmbeddedRocketMQ(namesrv, broker, storeDir, ownsStoreDir, isShared);
        } catch (RuntimeException | Error e) {
            shutdownQuietly(namesrvStart.handle((namesrv, failure) -> namesrv).join(), broker);
            if (ownsStoreDir) {
                Folders.deleteRecursively(storeDir);
            }
            throw e;
        }
    }

    /**
     * Starts one more broker registered with this instance's NameServer: a cluster of several brokers, for tests
     * of sends spread over brokers and of a broker going away. Give it its own
     * {@link EmbeddedRocketMQConfig#brokerName(String) brokerName}; the NameServer settings of {@code config} are
     * ignored. The returned instance shares this NameServer; its {@link #close()} shuts down only its broker.
     */
    public EmbeddedRocketMQ startBroker(EmbeddedRocketMQConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.brokerName().equals(broker.getBrokerConfig().getBrokerName())) {
            throw new IllegalArgumentException("brokerName " + config.brokerName()
                + " is taken by the broker of this instance; give the new broker another one");
        }
        boolean ownsNewStoreDir = config.storeDir() == null;
        Path newStoreDir = ownsNewStoreDir ? newTempDir() : config.storeDir();
        BrokerController added = null;
        try {
            added = initializeBroker(config, newStoreDir, namesrvAddr);
            startBroker(added);
            awaitRegistration(namesrv, added);
            return new EmbeddedRocketMQ(namesrv, added, newStoreDir, ownsNewStoreDir, false, false);
        } catch (RuntimeException | Error e) {
            shutdownQuietly(null, added);
            if (ownsNewStoreDir) {
                Folders.deleteRecursively(newStoreDir);
            }
            throw e;
        }
    }

    private static void runInNewThread(Runnable task) {
        Thread thread = new Thread(task, "embedded-rocketmq-namesrv-start");
        thread.setDaemon(true);
        thread.start();
    }

    private static NamesrvController join(CompletableFuture<NamesrvController> namesrvStart) {
        try {
            return namesrvStart.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static NamesrvController startNamesrv(Path storeDir, int port) {
        NamesrvController namesrv = new NamesrvController(ServerSettings.namesrv(storeDir),
            ServerSettings.server(port), new NettyClientConfig());
        if (!namesrv.initialize()) {
            namesrv.shutdown();
            throw new IllegalStateException("RocketMQ NameServer failed to initialize");
        }
        try {
            namesrv.start();
        } catch (Exception e) {
            namesrv.shutdown();
            throw new IllegalStateException("RocketMQ NameServer failed to start on port " + port, e);
        }
        return namesrv;
    }

    private static BrokerController initializeBroker(EmbeddedRocketMQConfig config, Path storeDir, String namesrvAddr) {
        int port = config.brokerPort() != 0 ? config.brokerPort() : FreePorts.forBroker();
        BrokerController broker = new BrokerController(
            ServerSettings.broker(config, namesrvAddr, port),
            ServerSettings.server(port),
            new NettyClientConfig(),
            ServerSettings.store(config, storeDir, port + 1),
            ServerSettings.auth(config, storeDir));
        Exception failure = null;
        try {
            if (broker.initialize()) {
                return broker;
            }
        } catch (Exception e) {
            failure = e;
        }
        shutdownQuietly(null, broker);
        throw new IllegalStateException("RocketMQ Broker failed to initialize (store in " + storeDir + ")", failure);
    }

    private static void startBroker(BrokerController broker) {
        try {
            broker.start();
        } catch (Exception e) {
            throw new IllegalStateException("RocketMQ Broker failed to start", e);
        }
        IdleOpBatchPacer.install(broker);
    }

    /**
     * {@code BrokerController.start()} registers with the NameServer only once, and silently skips it
     * while its client has not yet marked the NameServer available (it probes every 3 s); the next
     * periodic registration is 10 s later. Register again until the NameServer lists the broker.
     */
    private static void awaitRegistration(NamesrvController namesrv, BrokerController broker) {
        String brokerName = broker.getBrokerConfig().getBrokerName();
        String brokerAddr = broker.getBrokerAddr();
        Await.until("broker " + brokerName + " to register with the name server", REGISTRATION_TIMEOUT,
            () -> broker.registerBrokerAll(true, false, true),
            () -> {
                BrokerData data = namesrv.getRouteInfoManager().getAllClusterInfo().getBrokerAddrTable().get(brokerName);
                return data != null && brokerAddr.equals(data.getBrokerAddrs().get(MixAll.MASTER_ID));
            });
    }

    /** "127.0.0.1:&lt;port&gt;", for {@code setNamesrvAddr} of clients. */
    public String namesrvAddr() {
        return namesrvAddr;
    }

    /** Creates (or updates) a topic with 4 read and 4 write queues; returns once the NameServer serves its route. */
    public void createTopic(String topic) {
        createTopic(topic, DEFAULT_QUEUES);
    }

    /** Creates (or updates) a topic with the given read and write queues; returns once the NameServer serves its route. */
    public void createTopic(String topic, int queues) {
        createTopic(topic, queues, null);
    }

    /**
     * Creates (or updates) a topic with 4 read and 4 write queues, typed for a RocketMQ 5 proxy; returns once the
     * NameServer serves its route. See {@link #createTopic(String, int, TopicMessageType)}.
     */
    public void createTopic(String topic, TopicMessageType messageType) {
        createTopic(topic, DEFAULT_QUEUES, Objects.requireNonNull(messageType, "messageType"));
    }

    /**
     * Creates (or updates) a topic with the given read and write queues and message type (the topic attribute
     * {@code message.type}, which {@code mqadmin updateTopic -a +message.type=TRANSACTION} sets); returns once the
     * NameServer serves its route.
     *
     * <p>Only a RocketMQ 5 proxy ({@link RocketMQProxy}) enforces the type: it refuses a send whose kind differs from
     * the topic's ("TopicMessageType validate failed", code 13), remoting clients sending through it included. A
     * topic without a type counts as {@code NORMAL}, so transactional sends through a proxy need a
     * {@code TRANSACTION} topic; the proxy also relays transaction checks to gRPC producers only for
     * {@code TRANSACTION} topics. The broker itself ignores the type.
     *
     * @param messageType the type; {@code null} leaves the topic's type as it is (none for a new topic)
     */
    public void createTopic(String topic, int queues, TopicMessageType messageType) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank");
        }
        if (queues < 1) {
            throw new IllegalArgumentException("queues must be at least 1: " + queues);
        }
        TopicConfig topicConfig = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
        if (messageType != null) {
            // The broker takes attribute changes in the admin tool's form: "+name" sets, "-name" removes.
            Map<String, String> attributes = new HashMap<>();
            attributes.put("+" + TopicAttributes.TOPIC_MESSAGE_TYPE_ATTRIBUTE.getName(), messageType.getValue());
            topicConfig.setAttributes(attributes);
        }
        TopicConfigManager topics = broker.getTopicConfigManager();
        topics.updateTopicConfig(topicConfig);
        // The admin tool's path: it publishes just this topic, and the route appears within ~50 ms,
        // where waiting for the broker's periodic registration would take up to 10 s.
        Await.until("route of topic " + topic, ROUTE_TIMEOUT,
            () -> broker.registerIncrementBrokerData(topicConfig, topics.getDataVersion()),
            () -> hasRoute(topic, queues));
    }

    /**
     * Creates the retry topic of a consumer group ({@code %RETRY%<group>}). Call it before the consumer
     * starts: a consumer loads the retry topic's route when it starts and then only every 30 s, so a
     * retry topic the broker creates on the first failure delays the first redelivery by up to 30 s.
     */
    public void createRetryTopic(String consumerGroup) {
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumerGroup must not be blank");
        }
        createTopic(MixAll.getRetryTopic(consumerGroup), RETRY_QUEUES);
    }

    /**
     * Creates (or replaces) the settings of a consumer group for consumers through a RocketMQ 5 proxy (gRPC push and
     * simple consumers): a failed message is delivered again after about a second (the broker's default waits 1 s,
     * 5 s, 10 s, 30 s, 1 min, ...), and after {@code maxRetries} redeliveries (the default is 16) it goes to the
     * group's dead-letter topic {@code %DLQ%<group>}. Call it before the group's consumers start; a running proxy sees
     * the change after its metadata reload ({@link RocketMQProxyConfig#metadataCacheRefreshSeconds}).
     *
     * <p>Remoting push consumers ({@code DefaultMQPushConsumer}) are not governed by it: they send their own
     * {@code maxReconsumeTimes} (16 unless set) and wait the broker's delay levels, which this broker sets to 1 s.
     */
    public void createConsumerGroup(String consumerGroup, int maxRetries) {
        if (consumerGroup == null || consumerGroup.isBlank()) {
            throw new IllegalArgumentException("consumerGroup must not be blank");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
        SubscriptionGroupConfig group = new SubscriptionGroupConfig();
        group.setGroupName(consumerGroup);
        group.setRetryMaxTimes(maxRetries);
        GroupRetryPolicy retryPolicy = new GroupRetryPolicy();
        retryPolicy.setType(GroupRetryPolicyType.CUSTOMIZED);
        long[] oneSecondEach = new long[RETRY_BACKOFF_STEPS];
        Arrays.fill(oneSecondEach, Duration.ofSeconds(1).toMillis());
        retryPolicy.setCustomizedRetryPolicy(new CustomizedRetryPolicy(oneSecondEach));
        group.setGroupRetryPolicy(retryPolicy);
        broker.getSubscriptionGroupManager().updateSubscriptionGroupConfig(group);
    }

    private boolean hasRoute(String topic, int queues) {
        TopicRouteData route = namesrv.getRouteInfoManager().pickupTopicRouteData(topic);
        if (route == null || route.getQueueDatas() == null || route.getBrokerDatas().isEmpty()) {
            return false;
        }
        String brokerName = broker.getBrokerConfig().getBrokerName();
        for (QueueData queueData : route.getQueueDatas()) {
            if (brokerName.equals(queueData.getBrokerName()) && queueData.getReadQueueNums() == queues
                && queueData.getWriteQueueNums() == queues) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds a user to a broker started with {@link EmbeddedRocketMQConfig#accessControl(boolean) accessControl}; a
     * client authenticates as this user with the user name as access key and the password as secret key. A new user
     * may do nothing until {@link #grant granted} permissions.
     */
    public void createUser(String username, String password) {
        requireAccessControl("createUser");
        broker.getAuthenticationMetadataManager().createUser(User.of(username, password)).join();
    }

    /**
     * Allows a user of a broker started with {@link EmbeddedRocketMQConfig#accessControl(boolean) accessControl} the
     * given actions on a resource, in addition to what the user may already do. A resource is written
     * {@code Topic:<name>} or {@code Group:<name>} ({@code *} for all); producers need {@code PUB} on the topic,
     * consumers {@code SUB} on the topic and on their group.
     */
    public void grant(String username, String resource, Action... actions) {
        requireAccessControl("grant");
        if (actions.length == 0) {
            throw new IllegalArgumentException("grant needs at least one action");
        }
        Acl acl = Acl.of(User.of(username), List.of(Resource.of(resource)), List.of(actions), null, Decision.ALLOW);
        broker.getAuthorizationMetadataManager().createAcl(acl).join();
    }

    /** Adds a user who may do anything, for a proxy in front of this broker (see {@link RocketMQProxy}). */
    void createSuperUser(String username, String password) {
        requireAccessControl("createSuperUser");
        broker.getAuthenticationMetadataManager().createUser(User.of(username, password, UserType.SUPER)).join();
    }

    /** Whether clients must authenticate ({@link EmbeddedRocketMQConfig#accessControl(boolean)} or customized). */
    boolean authenticationEnabled() {
        return broker.getAuthConfig().isAuthenticationEnabled();
    }

    private void requireAccessControl(String operation) {
        if (!broker.getAuthConfig().isAuthenticationEnabled()) {
            throw new IllegalStateException(operation + " needs a broker started with accessControl(true)");
        }
    }

    public BrokerController broker() {
        return broker;
    }

    public NamesrvController namesrv() {
        return namesrv;
    }

    public Path storeDir() {
        return storeDir;
    }

    /**
     * Shuts the broker, then the NameServer down (10 to 18 s) and deletes the store when it was a
     * temporary folder. Does nothing on the {@link #shared()} instance, which other tests still use. An
     * instance made by {@link #startBroker} shuts down only its broker.
     */
    @Override
    public void close() {
        if (isShared || !closed.compareAndSet(false, true)) {
            return;
        }
        shutdownQuietly(ownsNamesrv ? namesrv : null, broker);
        if (ownsStoreDir) {
            Folders.deleteRecursively(storeDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedRocketMQ[namesrvAddr=" + namesrvAddr + ", broker=" + broker.getBrokerAddr()
            + ", storeDir=" + storeDir + "]";
    }

    /**
     * Runs a broker in its own JVM, for demos that kill the application but not the broker. Prints
     * {@code namesrvAddr=<addr>} on stdout once ready, creates the topics named as arguments, and runs
     * until the process is killed. Options: {@code --store=<dir>} (keep data across restarts),
     * {@code --namesrv-port=<n>}, {@code --broker-port=<n>}.
     */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedRocketMQConfig config = EmbeddedRocketMQConfig.defaults();
        List<String> topics = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--store=")) {
                config.storeDir(Path.of(arg.substring("--store=".length())));
            } else if (arg.startsWith("--namesrv-port=")) {
                config.namesrvPort(Integer.parseInt(arg.substring("--namesrv-port=".length())));
            } else if (arg.startsWith("--broker-port=")) {
                config.brokerPort(Integer.parseInt(arg.substring("--broker-port=".length())));
            } else {
                topics.add(arg);
            }
        }
        EmbeddedRocketMQ rocketMQ = start(config);
        topics.forEach(rocketMQ::createTopic);
        System.out.println("namesrvAddr=" + rocketMQ.namesrvAddr());
        System.out.flush();
        // No shutdown hook: a kill should end the process at once, not after a 10-18 s broker shutdown.
        Thread.currentThread().join();
    }

    private static Path newTempDir() {
        try {
            return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "rocketmq-embedded-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a store folder", e);
        }
    }

    private static void shutdownQuietly(NamesrvController namesrv, BrokerController broker) {
        if (broker != null) {
            try {
                broker.shutdown();
            } catch (RuntimeException ignored) {
                // Best effort: a half-initialized broker may fail here, the NameServer must still go down.
            }
        }
        if (namesrv != null) {
            namesrv.shutdown();
        }
    }
}
