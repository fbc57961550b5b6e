package dev.rocketmqtx.camel.test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.rocketmq.remoting.common.TlsMode;

/**
 * Settings of a {@link RocketMQProxy}. Fluent: each setter returns this config, each getter has the setter's name
 * without an argument. The defaults suit tests: transaction checks relayed within about a second, topic and group
 * changes seen by the proxy within about a second, gRPC push consumers that close within
 * seconds (long polling held at most 2 s), a quick shutdown.
 */
public final class RocketMQProxyConfig {

    private int grpcPort;
    private int remotingPort;
    private int transactionHeartbeatPeriodSeconds = 1;
    private int metadataCacheRefreshSeconds = 1;
    private Duration startTimeout = Duration.ofSeconds(60);
    private String maxHeap = "256m";
    private Path homeDir;
    private TlsMode tlsMode = TlsMode.PERMISSIVE;
    private final List<String> jvmArguments = new ArrayList<>();
    private final Map<String, Object> settings = new LinkedHashMap<>();

    /** A config with all defaults. */
    public static RocketMQProxyConfig defaults() {
        return new RocketMQProxyConfig();
    }

    /** The port gRPC clients ({@code rocketmq-client-java}) connect to; 0 (the default) picks a free one. */
    public int grpcPort() {
        return grpcPort;
    }

    public RocketMQProxyConfig grpcPort(int port) {
        this.grpcPort = requirePort("grpcPort", port);
        return this;
    }

    /**
     * The port remoting clients ({@code rocketmq-client}) use as their name server address; 0 (the default) picks a
     * free one.
     */
    public int remotingPort() {
        return remotingPort;
    }

    public RocketMQProxyConfig remotingPort(int port) {
        this.remotingPort = requirePort("remotingPort", port);
        return this;
    }

    /**
     * How often the proxy tells the broker which producer groups it can reach for transaction checks (seconds,
     * default 1; the proxy's own default is 20). Until the first of these heartbeats after a gRPC producer appears,
     * the broker has nobody to check for that producer's topic.
     */
    public int transactionHeartbeatPeriodSeconds() {
        return transactionHeartbeatPeriodSeconds;
    }

    public RocketMQProxyConfig transactionHeartbeatPeriodSeconds(int seconds) {
        this.transactionHeartbeatPeriodSeconds = requirePositive("transactionHeartbeatPeriodSeconds", seconds);
        return this;
    }

    /**
     * After how long the proxy reloads what it cached about a topic (route, message type), a consumer group (retry
     * policy), a user or an ACL (seconds, default 1; the proxy's own default is 20). The proxy also caches "no such
     * topic": a topic asked for before it was created stays unknown to the proxy until a reload.
     */
    public int metadataCacheRefreshSeconds() {
        return metadataCacheRefreshSeconds;
    }

    public RocketMQProxyConfig metadataCacheRefreshSeconds(int seconds) {
        this.metadataCacheRefreshSeconds = requirePositive("metadataCacheRefreshSeconds", seconds);
        return this;
    }

    /** How long to wait for the proxy to serve requests before giving up (default 60 s). */
    public Duration startTimeout() {
        return startTimeout;
    }

    public RocketMQProxyConfig startTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "startTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("startTimeout must be positive: " + timeout);
        }
        this.startTimeout = timeout;
        return this;
    }

    /** The proxy JVM's {@code -Xmx} value (default {@code 256m}). */
    public String maxHeap() {
        return maxHeap;
    }

    public RocketMQProxyConfig maxHeap(String value) {
        Objects.requireNonNull(value, "maxHeap");
        if (!value.matches("\\d+[kKmMgG]?")) {
            throw new IllegalArgumentException("maxHeap must look like 256m or 1g: " + value);
        }
        this.maxHeap = value;
        return this;
    }

    /**
     * The proxy's folder: its configuration, log ({@code proxy.log}), {@code user.home} and {@code java.io.tmpdir}.
     * {@code null} (the default) means a fresh folder under this JVM's {@code java.io.tmpdir}, deleted on close.
     */
    public Path homeDir() {
        return homeDir;
    }

    public RocketMQProxyConfig homeDir(Path dir) {
        this.homeDir = dir;
        return this;
    }

    /**
     * Whether clients must, may or must not use TLS, on both ports (default {@code PERMISSIVE}: gRPC clients connect
     * with TLS, the default of {@code rocketmq-client-java}, or without, {@code enableSsl(false)}). The proxy presents
     * a self-signed certificate for localhost and 127.0.0.1.
     */
    public TlsMode tlsMode() {
        return tlsMode;
    }

    public RocketMQProxyConfig tlsMode(TlsMode mode) {
        this.tlsMode = Objects.requireNonNull(mode, "tlsMode");
        return this;
    }

    /** Extra arguments of the proxy JVM, before its main class (system properties, GC options, ...). */
    public List<String> jvmArguments() {
        return Collections.unmodifiableList(jvmArguments);
    }

    /** Adds arguments of the proxy JVM; calls add up. */
    public RocketMQProxyConfig jvmArguments(String... arguments) {
        for (String argument : arguments) {
            jvmArguments.add(Objects.requireNonNull(argument, "jvm argument"));
        }
        return this;
    }

    /** The proxy settings given with {@link #setting(String, Object)}. */
    public Map<String, Object> settings() {
        return Collections.unmodifiableMap(settings);
    }

    /**
     * Sets one field of the proxy's configuration file ({@code rmq-proxy.json}: a field of RocketMQ's
     * {@code ProxyConfig} or {@code AuthConfig}), overriding what this kit writes, e.g.
     * {@code setting("enableTopicMessageTypeCheck", false)} or {@code setting("authenticationEnabled", true)}.
     */
    public RocketMQProxyConfig setting(String name, Object value) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("setting name must not be blank");
        }
        settings.put(name, Objects.requireNonNull(value, "value of setting " + name));
        return this;
    }

    private static int requirePort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " must be 0 (any free port) or a TCP port: " + port);
        }
        return port;
    }

    private static int requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
        return value;
    }
}
