package dev.rocketmqtx.camel.health;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.rocketmqtx.camel.health.ReadinessProbe.Outcome;

import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;

/**
 * Can a client reach what it needs right now? Asks the name server for the topic's route (one small request with a
 * short timeout) and then checks that a master broker of the route accepts connections (the client's own connection
 * is reused when it is open, so a healthy probe sends nothing to the broker). Nothing is sent on the topic.
 */
public final class BrokerReachability {

    private BrokerReachability() {
    }

    /**
     * The probe of a remoting producer or consumer.
     *
     * @param client      the client instance, or null while the producer or consumer is stopped
     * @param topic       the topic as the broker knows it (with the namespace, if any)
     * @param namesrvAddr the configured name server address, for the reason only
     */
    public static ReadinessProbe of(Supplier<MQClientInstance> client, String topic, String namesrvAddr) {
        return timeoutMillis -> {
            MQClientInstance instance = client.get();
            return instance == null ? Outcome.unreachable("The RocketMQ client is not started")
                    : probe(instance, topic, namesrvAddr, timeoutMillis);
        };
    }

    /**
     * @param client        the client instance of a started producer or consumer (its name servers, credentials and
     *                      TLS settings are the ones used)
     * @param topic         the topic as the broker knows it (with the namespace, if any)
     * @param namesrvAddr   the configured name server address, for the reason only
     * @param timeoutMillis how long to wait for the name server
     */
    private static Outcome probe(MQClientInstance client, String topic, String namesrvAddr, long timeoutMillis) {
        MQClientAPIImpl api = client.getMQClientAPIImpl();
        TopicRouteData route;
        try {
            route = api.getTopicRouteInfoFromNameServer(topic, timeoutMillis, false);
        } catch (MQClientException e) {
            return Outcome.unreachable("Name server " + namesrvAddr + " has no route for topic " + topic + ": "
                                       + e.getErrorMessage());
        } catch (RemotingException e) {
            return Outcome.unreachable("Name server " + namesrvAddr + " is unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.unreachable("Interrupted while asking name server " + namesrvAddr);
        }
        List<String> reachable = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (BrokerData broker : route.getBrokerDatas()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master == null) {
                continue;
            }
            if (api.getRemotingClient().isAddressReachable(master)) {
                reachable.add(broker.getBrokerName() + "@" + master);
            } else {
                unreachable.add(broker.getBrokerName() + "@" + master);
            }
        }
        if (reachable.isEmpty()) {
            return Outcome.unreachable(unreachable.isEmpty()
                    ? "No master broker serves topic " + topic
                    : "No master broker of topic " + topic + " is reachable: " + String.join(", ", unreachable));
        }
        return Outcome.reachable(reachable);
    }
}
