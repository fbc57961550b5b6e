package dev.rocketmqtx.camel.test;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

import org.apache.rocketmq.auth.config.AuthConfig;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * Settings of an {@link EmbeddedRocketMQ}. Fluent: each setter returns this config, each getter has
 * the setter's name without an argument. The defaults make transaction checks come within about a
 * second, which is what tests of transactional messaging want.
 */
public final class EmbeddedRocketMQConfig {

    private long transactionTimeOutMillis = 1000;
    private long transactionCheckIntervalMillis = 1000;
    private int transactionOpBatchIntervalMillis = 50;
    private int transactionCheckMax = 15;
    private String brokerName = "broker-a";
    private String clusterName = "DefaultCluster";
    private Path storeDir;
    private int namesrvPort;
    private int brokerPort;
    private Consumer<BrokerConfig> brokerCustomizer = config -> { };
    private Consumer<MessageStoreConfig> storeCustomizer = config -> { };
    private Consumer<AuthConfig> authCustomizer = config -> { };
    private boolean accessControl;

    /** A config with all defaults. */
    public static EmbeddedRocketMQConfig defaults() {
        return new EmbeddedRocketMQConfig();
    }

    /** How long a half message may stay unresolved before the broker asks a producer (ms, default 1000). */
    public long transactionTimeOutMillis() {
        return transactionTimeOutMillis;
    }

    public EmbeddedRocketMQConfig transactionTimeOutMillis(long millis) {
        this.transactionTimeOutMillis = millis;
        return this;
    }

    /** How often the broker scans for half messages to check (ms, default 1000). */
    public long transactionCheckIntervalMillis() {
        return transactionCheckIntervalMillis;
    }

    public EmbeddedRocketMQConfig transactionCheckIntervalMillis(long millis) {
        this.transactionCheckIntervalMillis = millis;
        return this;
    }

    /**
     * How long the broker batches commit/rollback records before writing them (ms, default 50). Keep it
     * far below the transaction timeout: a resolved half message whose record is still batched is
     * checked again and, when the check answers COMMIT, delivered twice.
     */
    public int transactionOpBatchIntervalMillis() {
        return transactionOpBatchIntervalMillis;
    }

    public EmbeddedRocketMQConfig transactionOpBatchIntervalMillis(int millis) {
        this.transactionOpBatchIntervalMillis = millis;
        return this;
    }

    /** Checks per half message before the broker gives up on it (default 15). */
    public int transactionCheckMax() {
        return transactionCheckMax;
    }

    public EmbeddedRocketMQConfig transactionCheckMax(int max) {
        this.transactionCheckMax = max;
        return this;
    }

    public String brokerName() {
        return brokerName;
    }

    public EmbeddedRocketMQConfig brokerName(String name) {
        this.brokerName = Objects.requireNonNull(name, "brokerName");
        return this;
    }

    public String clusterName() {
        return clusterName;
    }

    public EmbeddedRocketMQConfig clusterName(String name) {
        this.clusterName = Objects.requireNonNull(name, "clusterName");
        return this;
    }

    /** Where the broker keeps its data; {@code null} (the default) means a fresh folder under java.io.tmpdir. */
    public Path storeDir() {
        return storeDir;
    }

    public EmbeddedRocketMQConfig storeDir(Path dir) {
        this.storeDir = dir;
        return this;
    }

    /** The NameServer port; 0 (the default) picks a free one. */
    public int namesrvPort() {
        return namesrvPort;
    }

    public EmbeddedRocketMQConfig namesrvPort(int port) {
        this.namesrvPort = port;
        return this;
    }

    /**
     * The broker port; 0 (the default) picks a free one. The broker also binds port - 2 (its "fast"
     * server) and port + 1 (HA), so all three must be free.
     */
    public int brokerPort() {
        return brokerPort;
    }

    public EmbeddedRocketMQConfig brokerPort(int port) {
        this.brokerPort = port;
        return this;
    }

    public Consumer<BrokerConfig> brokerCustomizer() {
        return brokerCustomizer;
    }

    /** Adds a change to the broker settings, run after the defaults (for ACL, TLS, ...). Calls chain. */
    public EmbeddedRocketMQConfig brokerCustomizer(Consumer<BrokerConfig> customizer) {
        this.brokerCustomizer = this.brokerCustomizer.andThen(Objects.requireNonNull(customizer));
        return this;
    }

    public Consumer<MessageStoreConfig> storeCustomizer() {
        return storeCustomizer;
    }

    /** Adds a change to the message store settings, run after the defaults. Calls chain. */
    public EmbeddedRocketMQConfig storeCustomizer(Consumer<MessageStoreConfig> customizer) {
        this.storeCustomizer = this.storeCustomizer.andThen(Objects.requireNonNull(customizer));
        return this;
    }

    public Consumer<AuthConfig> authCustomizer() {
        return authCustomizer;
    }

    /** Adds a change to the broker's authentication/authorization settings (ACL 2.0). Calls chain. */
    public EmbeddedRocketMQConfig authCustomizer(Consumer<AuthConfig> customizer) {
        this.authCustomizer = this.authCustomizer.andThen(Objects.requireNonNull(customizer));
        return this;
    }

    /** Whether clients must sign every request and need permissions for topics and groups (default false). */
    public boolean accessControl() {
        return accessControl;
    }

    /**
     * Turns the broker's authentication and authorization (RocketMQ's ACL 2.0) on, with users and ACLs kept in the
     * broker's store: add them with {@link EmbeddedRocketMQ#createUser} and {@link EmbeddedRocketMQ#grant}. Clients
     * then need an access key and secret key; the name server has no access control. With another broker in the same
     * JVM give this one a {@link #brokerName(String) brokerName} of its own: RocketMQ caches its authentication
     * components JVM-wide by broker name, so a second broker of the same name would use the first one's.
     */
    public EmbeddedRocketMQConfig accessControl(boolean enabled) {
        this.accessControl = enabled;
        return this;
    }
}
