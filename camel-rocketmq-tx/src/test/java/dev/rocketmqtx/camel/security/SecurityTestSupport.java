package dev.rocketmqtx.camel.security;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;

import static org.awaitility.Awaitility.await;

/**
 * Base of the security tests: fresh topic and group names per test, the bodies the consumer received and the bodies
 * the local transaction ran for. These tests start brokers of their own, so they do not use the shared one.
 */
abstract class SecurityTestSupport extends CamelTestSupport {

    private static final AtomicInteger NAMES = new AtomicInteger();

    protected final String topic = unique("topic");
    protected final String producerGroup = unique("pg");
    protected final String consumerGroup = unique("cg");

    /** Bodies the consumer route received. */
    protected final List<String> delivered = new CopyOnWriteArrayList<>();
    /** Bodies the local-transaction route ran for: a refused half message must never add one. */
    protected final List<String> localTransactions = new CopyOnWriteArrayList<>();

    protected static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }

    protected void recordDelivery(Exchange exchange) {
        delivered.add(exchange.getMessage().getBody(String.class));
    }

    protected void recordLocalTransaction(Exchange exchange) {
        localTransactions.add(exchange.getMessage().getBody(String.class));
    }

    protected Exchange send(String endpoint, String body) {
        return template.send(endpoint, e -> e.getMessage().setBody(body));
    }

    protected void awaitDelivered(String body) {
        await().atMost(Duration.ofSeconds(60)).until(() -> delivered.contains(body));
    }
}
