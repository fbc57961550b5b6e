package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds TCP ports nobody listens on, including the port groups a broker binds. */
final class FreePorts {

    private static final int ATTEMPTS = 100;

    private FreePorts() {
    }

    /** A port the operating system considers free right now. */
    static int any() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free TCP port", e);
        }
    }

    /**
     * A broker port P with P - 2 (the broker's "fast" remoting server) and P + 1 (its HA server) free
     * as well. Another process may still take them before the broker binds; that race is accepted.
     */
    static int forBroker() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = any();
            if (port > 1024 && port < 65535 && isFree(port - 2) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("No free group of broker ports (P-2, P, P+1) after " + ATTEMPTS + " attempts");
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
