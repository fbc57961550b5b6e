package dev.rocketmqtx.camel.transport.remoting;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a producer known to the brokers before its first send, so that it receives checks. A fresh producer
 * heartbeats only to brokers it knows from topic routes, and knows none until it sends; an instance restarted after a
 * crash, the one that must answer its predecessor's checks, would stay invisible. Loading the topic's route and
 * sending a heartbeat fixes that.
 * <p>
 * One attempt is not enough: when the name server is slow or briefly unreachable while the instance starts, or the
 * topic has no route yet, the instance would never be checked. So a failed attempt is retried every second in the
 * background until one succeeds or the producer stops.
 */
final class BrokerAnnouncer {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerAnnouncer.class);
    private static final long RETRY_MILLIS = 1000;

    private final CamelContext camelContext;
    private final Object owner;
    private final MQClientInstance client;
    private final String topic;
    private final String wrappedTopic;
    private final String namesrvAddr;
    private ScheduledExecutorService executor;
    private ScheduledFuture<?> retries;

    BrokerAnnouncer(CamelContext camelContext, Object owner, MQClientInstance client, String topic,
                    String wrappedTopic, String namesrvAddr) {
        this.camelContext = camelContext;
        this.owner = owner;
        this.client = client;
        this.topic = topic;
        this.wrappedTopic = wrappedTopic;
        this.namesrvAddr = namesrvAddr;
    }

    /** Announces now; if that fails, keeps trying in the background. */
    synchronized void start() {
        String failure = tryOnce();
        if (failure == null) {
            return;
        }
        LOG.warn("{}: retrying every second; until it succeeds this producer receives checks only after its first send",
                failure);
        executor = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(owner, "RocketMQTxAnnounce");
        retries = executor.scheduleWithFixedDelay(this::retry, RETRY_MILLIS, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void retry() {
        if (tryOnce() == null) {
            LOG.info("Producer on topic {} is now known to the brokers and receives checks", topic);
            stop();
        }
    }

    /** @return null on success, else why it failed */
    private String tryOnce() {
        try {
            if (client.updateTopicRouteInfoFromNameServer(wrappedTopic)) {
                client.sendHeartbeatToAllBrokerWithLock();
                return null;
            }
            return "No route yet for topic " + topic + " at name server " + namesrvAddr;
        } catch (RuntimeException e) {
            return "Could not reach name server " + namesrvAddr + " (" + e.getMessage() + ")";
        }
    }

    synchronized void stop() {
        if (retries != null) {
            retries.cancel(false);
            retries = null;
        }
        if (executor != null) {
            camelContext.getExecutorServiceManager().shutdownNow(executor);
            executor = null;
        }
    }
}
