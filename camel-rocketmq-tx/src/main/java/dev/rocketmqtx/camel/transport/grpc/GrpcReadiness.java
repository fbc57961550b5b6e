package dev.rocketmqtx.camel.transport.grpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import dev.rocketmqtx.camel.health.ReadinessProbe;

/**
 * Readiness through RocketMQ 5 proxies: UP while at least one of the endpoints accepts connections. The gRPC client
 * offers no cheaper question; the proxy itself reports broker trouble on the next send.
 */
final class GrpcReadiness {

    private GrpcReadiness() {
    }

    static ReadinessProbe of(String endpoints) {
        return timeoutMillis -> {
            List<String> reachable = new ArrayList<>();
            List<String> unreachable = new ArrayList<>();
            for (String endpoint : endpoints.split(";")) {
                String address = endpoint.trim();
                int colon = address.lastIndexOf(':');
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(address.substring(0, colon),
                            Integer.parseInt(address.substring(colon + 1))), (int) timeoutMillis);
                    reachable.add(address);
                } catch (IOException | RuntimeException e) {
                    unreachable.add(address + " (" + e.getMessage() + ")");
                }
            }
            return reachable.isEmpty()
                    ? ReadinessProbe.Outcome.unreachable("No proxy endpoint is reachable: " + String.join(", ", unreachable))
                    : ReadinessProbe.Outcome.reachable(reachable);
        };
    }
}
