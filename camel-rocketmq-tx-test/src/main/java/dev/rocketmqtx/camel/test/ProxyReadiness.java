package dev.rocketmqtx.camel.test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.namesrv.GetRouteInfoRequestHeader;

/**
 * Waits until a proxy JVM serves requests: its launcher reported the servers started, both ports accept
 * connections, and a route query sent to the remoting port comes back answered from the name server, which proves
 * the proxy reaches the cluster behind it. A proxy JVM that exits meanwhile fails the wait at once, with its log.
 */
final class ProxyReadiness {

    private static final int PROBE_TIMEOUT_MILLIS = 3000;
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private ProxyReadiness() {
    }

    static void await(Process process, Path readyFile, int grpcPort, int remotingPort, String probeTopic,
                      Duration timeout, boolean tls, ProxyIdentity identity, Supplier<String> log) {
        NettyClientConfig clientConfig = new NettyClientConfig();
        // With TLS enforced the proxy drops plain connections. The client's TLS settings are RocketMQ's JVM-wide
        // defaults, which trust any certificate unless a test changed them.
        clientConfig.setUseTLS(tls);
        NettyRemotingClient client = new NettyRemotingClient(clientConfig);
        if (identity != null) {
            client.registerRPCHook(identity.signer());
        }
        client.start();
        try {
            Await.until("the RocketMQ proxy on gRPC port " + grpcPort + " to serve requests", timeout, () -> { }, () -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The RocketMQ proxy JVM exited with " + process.exitValue()
                        + " before it was ready; its log:\n" + log.get());
                }
                return Files.exists(readyFile) && accepts(grpcPort) && accepts(remotingPort)
                    && answersRouteQuery(client, remotingPort, probeTopic);
            }, () -> "; its log:\n" + log.get());
        } finally {
            client.shutdown();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(ServerSettings.LOOPBACK, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The broker creates a topic named after its cluster, so the proxy finds a route for it once it is wired. */
    private static boolean answersRouteQuery(NettyRemotingClient client, int remotingPort, String topic) {
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(topic);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        try {
            RemotingCommand response = client.invokeSync(ServerSettings.LOOPBACK + ":" + remotingPort, request,
                PROBE_TIMEOUT_MILLIS);
            return response != null && response.getCode() == ResponseCode.SUCCESS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the RocketMQ proxy", e);
        } catch (Exception e) {
            return false;
        }
    }
}
