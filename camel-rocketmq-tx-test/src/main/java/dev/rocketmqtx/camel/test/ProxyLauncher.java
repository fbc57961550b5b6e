package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.rocketmq.proxy.ProxyStartup;

/**
 * Main class of a proxy JVM started by {@link RocketMQProxy}: {@code ProxyLauncher <ready file> <ProxyStartup
 * arguments...>}. Runs RocketMQ's own {@code ProxyStartup}, then creates the ready file.
 *
 * <p>The proxy JVM ends when its standard input ends: that is when the JVM that started it has gone, even killed
 * with SIGKILL, which runs no shutdown hook. Without this a crashed test run would leave proxies running.
 */
final class ProxyLauncher {

    private ProxyLauncher() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: ProxyLauncher <ready file> <ProxyStartup arguments...>");
        }
        Path readyFile = Path.of(args[0]);
        exitWhenStdinEnds();
        try {
            // Returns once the gRPC and remoting servers listen. It exits with 1 on an exception, but an Error (a
            // missing class, a native library) only ends this thread while the servers' threads keep the JVM alive.
            ProxyStartup.main(Arrays.copyOfRange(args, 1, args.length));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        Files.createFile(readyFile);
    }

    private static void exitWhenStdinEnds() {
        Thread watcher = new Thread(() -> {
            InputStream in = System.in;
            try {
                while (in.read() != -1) {
                    // The parent never writes; anything read is ignored.
                }
            } catch (IOException e) {
                // A broken pipe means the same as its end: the parent has gone.
            }
            System.out.println("rocketmq-proxy: standard input closed, the JVM that started this proxy has gone");
            // Not exit(): the proxy's shutdown hook takes seconds to close connections nobody uses any more.
            Runtime.getRuntime().halt(0);
        }, "proxy-parent-watch");
        watcher.setDaemon(true);
        watcher.start();
    }
}
