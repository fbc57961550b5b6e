package dev.rocketmqtx.camel.testcontainers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback ports of this machine that nobody listens on. */
final class HostPorts {

    private static final int ATTEMPTS = 100;

    private HostPorts() {
    }

    /**
     * A port P for the broker with P - 2 free as well: the broker also listens on P - 2 (its "fast" server, which
     * clients use when their VIP channel is on), and both are published under the same numbers. Another process may
     * still take them before the container starts; that race is accepted.
     */
    static int forBroker() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = any();
            if (port > 1026 && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("No free pair of loopback ports (P-2, P) for the broker after " + ATTEMPTS
            + " attempts");
    }

    private static int any() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free loopback port", e);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
