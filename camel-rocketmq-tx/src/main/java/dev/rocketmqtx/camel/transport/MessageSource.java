package dev.rocketmqtx.camel.transport;

import dev.rocketmqtx.camel.health.ReadinessProbe;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The protocol's part of a consumer: receives the committed messages of the endpoint's topic and acknowledges each
 * one, or returns it for redelivery, as the delivery says. Messages are handed over as {@link MessageExt}, whatever
 * the protocol, so that one mapping makes their exchanges.
 */
public interface MessageSource {

    /** Starts receiving. */
    void start(Delivery delivery) throws Exception;

    void stop();

    /** Whether the broker (or proxy) is reachable now, for the consumer's readiness check. */
    ReadinessProbe readiness();

    /** Delivers one message to the route. */
    @FunctionalInterface
    interface Delivery {

        /** @return true to acknowledge the message, false to have it redelivered */
        boolean deliver(MessageExt message);
    }
}
