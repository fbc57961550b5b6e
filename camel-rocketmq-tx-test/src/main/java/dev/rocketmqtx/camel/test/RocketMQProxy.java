package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.rocketmq.remoting.common.TlsMode;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;

/**
 * A real RocketMQ 5 proxy ({@code rocketmq-proxy}, cluster mode) in front of an {@link EmbeddedRocketMQ}, running in
 * a JVM of its own: the endpoint of RocketMQ 5 gRPC clients ({@code rocketmq-client-java}, {@link #grpcEndpoints()})
 * and, for remoting clients ({@code rocketmq-client}), a name server address that sends everything through the
 * proxy ({@link #remotingAddress()}).
 *
 * <p>Why another JVM: the proxy and the gRPC client each need their own build of the same gRPC protocol classes,
 * and a class path holds only one. The proxy JVM runs from this JVM's class path without the gRPC client (see
 * {@code ProxyClasspath}), so it needs {@code rocketmq-proxy} on the test class path, which this module brings.
 *
 * <p>In front of a broker with {@link EmbeddedRocketMQConfig#accessControl(boolean) access control} the proxy checks
 * its clients against the broker's users and ACLs ({@link EmbeddedRocketMQ#createUser}, {@link EmbeddedRocketMQ#grant});
 * it acts towards the broker as a super user of its own, made at start.
 *
 * <p>Use {@link #shared()} in tests: a start takes several seconds. Topics for transactional messages must be
 * created typed ({@link EmbeddedRocketMQ#createTopic(String, org.apache.rocketmq.common.attribute.TopicMessageType)}
 * with {@code TRANSACTION}): the proxy refuses transactional sends to other topics.
 *
 * <p>The proxy JVM writes its output to {@link #logFile()}; it is killed by {@link #close()}, when this JVM exits,
 * and (watching its standard input) when this JVM is killed.
 */
public final class RocketMQProxy implements AutoCloseable {

    /** How often a start that failed is tried again (see {@link #start(EmbeddedRocketMQ, RocketMQProxyConfig)}). */
    private static final int START_ATTEMPTS = 3;

    private static final String LAUNCHER = "dev.rocketmqtx.camel.test.ProxyLauncher";
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    private static final int LOG_HEAD_CHARS = 3000;
    private static final int LOG_TAIL_CHARS = 3000;
    private static final String SETTINGS = "conf/rmq-proxy.json";
    private static final String CERTIFICATE = "conf/proxy.crt";
    private static final String PRIVATE_KEY = "conf/proxy.key";

    private static volatile RocketMQProxy shared;

    private final EmbeddedRocketMQ rocketMQ;
    private final Process process;
    private final int grpcPort;
    private final int remotingPort;
    private final Path homeDir;
    private final boolean ownsHomeDir;
    private final boolean isShared;
    private final Thread killOnExit;
    private final AtomicBoolean closed = new AtomicBoolean();

    private RocketMQProxy(EmbeddedRocketMQ rocketMQ, Process process, int grpcPort, int remotingPort, Path homeDir,
                          boolean ownsHomeDir, boolean isShared, Thread killOnExit) {
        this.rocketMQ = rocketMQ;
        this.process = process;
        this.grpcPort = grpcPort;
        this.remotingPort = remotingPort;
        this.homeDir = homeDir;
        this.ownsHomeDir = ownsHomeDir;
        this.isShared = isShared;
        this.killOnExit = killOnExit;
    }

    /**
     * The JVM's shared proxy, in front of {@link EmbeddedRocketMQ#shared()}, with default settings, started on first
     * use. It lives as long as this JVM; {@link #close()} on it does nothing.
     */
    public static RocketMQProxy shared() {
        RocketMQProxy instance = shared;
        if (instance == null) {
            synchronized (RocketMQProxy.class) {
                instance = shared;
                if (instance == null) {
                    // A failed start leaves the field empty, so the next caller tries again.
                    instance = start(EmbeddedRocketMQ.shared(), RocketMQProxyConfig.defaults(), true);
                    shared = instance;
                }
            }
        }
        return instance;
    }

    /** Starts a proxy with default settings in front of {@code rocketMQ}; the caller must {@link #close()} it. */
    public static RocketMQProxy start(EmbeddedRocketMQ rocketMQ) {
        return start(rocketMQ, RocketMQProxyConfig.defaults());
    }

    /** Starts a proxy in front of {@code rocketMQ}; the caller must {@link #close()} it. */
    public static RocketMQProxy start(EmbeddedRocketMQ rocketMQ, RocketMQProxyConfig config) {
        return start(Objects.requireNonNull(rocketMQ, "rocketMQ"), Objects.requireNonNull(config, "config"), false);
    }

    /**
     * A proxy's start can fail on a busy machine for reasons of the moment: its own start-up calls to the name server
     * time out after a few seconds ("create system broadcast topic ... failed"). Such a start is tried again, in a
     * fresh JVM, a few times.
     */
    private static RocketMQProxy start(EmbeddedRocketMQ rocketMQ, RocketMQProxyConfig config, boolean isShared) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOnce(rocketMQ, config, isShared);
            } catch (RuntimeException e) {
                if (failure != null) {
                    e.addSuppressed(failure);
                }
                failure = e;
                System.err.println("RocketMQ proxy start attempt " + attempt + " of " + START_ATTEMPTS + " failed: "
                                   + e.getMessage());
            }
        }
        throw failure;
    }

    private static RocketMQProxy startOnce(EmbeddedRocketMQ rocketMQ, RocketMQProxyConfig config, boolean isShared) {
        String classPath = ProxyClasspath.forProxy();
        boolean ownsHomeDir = config.homeDir() == null;
        // Absolute: the proxy JVM runs in this folder, so a relative path would resolve twice.
        Path homeDir = ownsHomeDir ? newTempDir() : config.homeDir().toAbsolutePath();
        int grpcPort = config.grpcPort() != 0 ? config.grpcPort() : FreePorts.any();
        int remotingPort = config.remotingPort() != 0 ? config.remotingPort() : otherFreePort(grpcPort);
        String clusterName = rocketMQ.broker().getBrokerConfig().getBrokerClusterName();
        Process process = null;
        Thread killOnExit = null;
        try {
            ProxyIdentity identity = rocketMQ.authenticationEnabled()
                ? ProxyIdentity.createIn(rocketMQ, "rocketmq-proxy-" + grpcPort) : null;
            Path configFile = writeConfiguration(homeDir, ProxySettings.json(config, clusterName,
                rocketMQ.namesrvAddr(), grpcPort, remotingPort, homeDir.resolve(CERTIFICATE),
                homeDir.resolve(PRIVATE_KEY), identity, rocketMQ.broker().getAuthConfig().isAuthorizationEnabled()));
            Path readyFile = homeDir.resolve("ready");
            Files.deleteIfExists(readyFile);
            process = launch(config, homeDir, classPath, readyFile, configFile, rocketMQ.namesrvAddr());
            killOnExit = killOnExit(process, ownsHomeDir ? homeDir : null);
            ProxyReadiness.await(process, readyFile, grpcPort, remotingPort, clusterName, config.startTimeout(),
                config.tlsMode() == TlsMode.ENFORCING, identity, () -> logExcerpt(homeDir));
            return new RocketMQProxy(rocketMQ, process, grpcPort, remotingPort, homeDir, ownsHomeDir, isShared,
                killOnExit);
        } catch (IOException e) {
            abandon(process, killOnExit, ownsHomeDir ? homeDir : null);
            throw new UncheckedIOException("Cannot start a RocketMQ proxy in " + homeDir, e);
        } catch (RuntimeException | Error e) {
            abandon(process, killOnExit, ownsHomeDir ? homeDir : null);
            throw e;
        }
    }

    private static void abandon(Process process, Thread killOnExit, Path folderToDelete) {
        kill(process, killOnExit);
        if (folderToDelete != null) {
            Folders.deleteRecursively(folderToDelete);
        }
    }

    /** Writes the proxy's configuration file and its TLS certificate and key; returns the configuration file. */
    private static Path writeConfiguration(Path homeDir, String settingsJson) throws IOException {
        Files.createDirectories(homeDir.resolve(CERTIFICATE).getParent());
        LoopbackCertificate tls = LoopbackCertificate.get();
        Files.writeString(homeDir.resolve(CERTIFICATE), tls.certificatePem());
        Files.writeString(homeDir.resolve(PRIVATE_KEY), tls.privateKeyPem());
        return Files.writeString(homeDir.resolve(SETTINGS), settingsJson);
    }

    private static Process launch(RocketMQProxyConfig config, Path homeDir, String classPath, Path readyFile,
                                  Path configFile, String namesrvAddr) throws IOException {
        Path userHome = Files.createDirectories(homeDir.resolve("home"));
        Path tmp = Files.createDirectories(homeDir.resolve("tmp"));
        // An argument file: a class path of a hundred jars can pass the command line length limit of some systems.
        Path argFile = homeDir.resolve("jvm.args");
        Files.writeString(argFile, "-cp " + quoteForArgFile(classPath) + System.lineSeparator());

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + argFile);
        command.add("-Xmx" + config.maxHeap());
        command.add("-XX:+UseSerialGC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        // The proxy writes logs and caches under user.home, and native libraries into java.io.tmpdir (left behind
        // when the JVM is killed): keep both in the proxy's folder.
        command.add("-Duser.home=" + userHome);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-D" + TlsSystemConfig.TLS_SERVER_MODE + "=" + config.tlsMode().getName());
        // The proxy's own clients (to the name server and broker) use TLS when told so, and by default exactly when
        // its servers enforce TLS; they must match what the broker of this JVM serves.
        command.add("-D" + TlsSystemConfig.TLS_ENABLE + "=" + (TlsSystemConfig.tlsMode == TlsMode.ENFORCING));
        command.addAll(config.jvmArguments());
        command.add(LAUNCHER);
        command.add(readyFile.toString());
        command.add("-pc");
        command.add(configFile.toString());
        command.add("-pm");
        command.add("cluster");
        command.add("-n");
        command.add(namesrvAddr);

        ProcessBuilder builder = new ProcessBuilder(command)
            .directory(homeDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(homeDir.resolve("proxy.log").toFile()));
        // Standard input stays a pipe to this JVM: the proxy JVM exits when it closes (see ProxyLauncher).
        builder.environment().put("RMQ_PROXY_HOME", homeDir.toString());
        builder.environment().put("ROCKETMQ_HOME", homeDir.toString());
        return builder.start();
    }

    /** Double quotes, with the argument file's escapes for backslash and double quote (Windows paths). */
    private static String quoteForArgFile(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** A shutdown hook that kills the proxy JVM and deletes the folder (when given) when this JVM exits. */
    private static Thread killOnExit(Process process, Path folderToDelete) {
        Thread hook = new Thread(() -> {
            process.destroyForcibly();
            if (folderToDelete != null) {
                try {
                    // Files open in the dying process could keep the folder from being deleted on some systems.
                    process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                Folders.deleteRecursively(folderToDelete);
            }
        }, "rocketmq-proxy-kill");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void kill(Process process, Thread killOnExit) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(KILL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (killOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyExiting) {
                // The hook runs anyway.
            }
        }
    }

    private static int otherFreePort(int taken) {
        int port;
        do {
            port = FreePorts.any();
        } while (port == taken);
        return port;
    }

    private static Path newTempDir() {
        try {
            Path tmp = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            return Files.createTempDirectory(tmp, "rocketmq-proxy-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a folder for the RocketMQ proxy", e);
        }
    }

    /** The log's start (where the first error usually is) and end. */
    private static String logExcerpt(Path homeDir) {
        Path log = homeDir.resolve("proxy.log");
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() <= LOG_HEAD_CHARS + LOG_TAIL_CHARS ? text : text.substring(0, LOG_HEAD_CHARS)
                + "\n...\n" + text.substring(text.length() - LOG_TAIL_CHARS);
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * "127.0.0.1:&lt;port&gt;": the endpoints of RocketMQ 5 gRPC clients
     * ({@code ClientConfiguration.newBuilder().setEndpoints(...)}), with or without TLS unless
     * {@link RocketMQProxyConfig#tlsMode} says otherwise.
     */
    public String grpcEndpoints() {
        return ServerSettings.LOOPBACK + ":" + grpcPort;
    }

    /**
     * "127.0.0.1:&lt;port&gt;": for {@code setNamesrvAddr} of remoting clients that should go through the proxy. The
     * proxy answers their route queries with itself as the only broker.
     */
    public String remotingAddress() {
        return ServerSettings.LOOPBACK + ":" + remotingPort;
    }

    /** The broker this proxy forwards to. */
    public EmbeddedRocketMQ rocketMQ() {
        return rocketMQ;
    }

    /** The proxy JVM's standard output and error (RocketMQ's log: errors only). */
    public Path logFile() {
        return homeDir.resolve("proxy.log");
    }

    /** The proxy's folder: configuration, log, and the proxy JVM's user.home and java.io.tmpdir. */
    public Path homeDir() {
        return homeDir;
    }

    /** Whether the proxy JVM still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Kills the proxy JVM (clients connected to it see their connections drop) and deletes its folder when it was a
     * temporary one. Does nothing on the {@link #shared()} proxy, which other tests still use.
     */
    @Override
    public void close() {
        if (isShared || !closed.compareAndSet(false, true)) {
            return;
        }
        kill(process, killOnExit);
        if (ownsHomeDir) {
            Folders.deleteRecursively(homeDir);
        }
    }

    @Override
    public String toString() {
        return "RocketMQProxy[grpcEndpoints=" + grpcEndpoints() + ", remotingAddress=" + remotingAddress()
            + ", homeDir=" + homeDir + "]";
    }
}
