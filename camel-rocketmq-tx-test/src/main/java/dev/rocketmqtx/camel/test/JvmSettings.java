package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.logging.org.slf4j.LoggerFactory;
import org.apache.rocketmq.remoting.common.TlsMode;
import org.apache.rocketmq.remoting.netty.TlsSystemConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/**
 * JVM-wide settings that RocketMQ servers read from system properties or static fields, applied once
 * before the first NameServer or Broker of this JVM is built.
 */
final class JvmSettings {

    private static boolean applied;

    private JvmSettings() {
    }

    static synchronized void apply() {
        if (applied) {
            return;
        }
        // The NameServer keeps topic routes only from brokers whose requests carry a recent version;
        // the *Startup mains set this property, an in-process broker has to do it itself, or clients
        // see "No route info of this topic".
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));

        // The default "permissive" mode makes every server generate a self-signed certificate
        // (1-2 s each). Respect a user who asked for TLS explicitly.
        if (System.getProperty(TlsSystemConfig.TLS_SERVER_MODE) == null) {
            System.setProperty(TlsSystemConfig.TLS_SERVER_MODE, TlsMode.DISABLED.getName());
            TlsSystemConfig.tlsMode = TlsMode.DISABLED;
        }

        // RocksDB extracts its native library into java.io.tmpdir and the broker writes logs under
        // user.home; a build that points both at a not-yet-existing build folder would fail on a clean
        // checkout.
        ensureDirectory(System.getProperty("java.io.tmpdir"));
        ensureDirectory(System.getProperty("user.home"));

        // Initialize RocketMQ's own (shaded) SLF4J and logback here, in one thread. The NameServer then
        // starts in a second thread next to the broker; two threads initializing logging at once make
        // SLF4J record early events and replay them past the level filter: DEBUG lines on stderr.
        LoggerFactory.getLogger(JvmSettings.class);
        applied = true;
    }

    private static void ensureDirectory(String dir) {
        if (dir == null || dir.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create directory " + dir, e);
        }
    }
}
