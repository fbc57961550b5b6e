package dev.rocketmqtx.camel.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;

/**
 * A steady stream of orders for the broker fault tests: senders place orders until stopped, two in three commit, the
 * check consults the record of committed transactions, and a shipping consumer records what arrives. Failed sends of
 * the half message are redelivered by Camel's error handler, so every order placed goes through in the end.
 */
final class OrderTraffic {

    static final String PLACE_ORDER_ROUTE = "placeOrder";
    static final String SHIPPING_ROUTE = "shipping";

    /** The "database": transaction id to order id of every local transaction that committed. */
    private final Map<String, String> committedTransactions = new ConcurrentHashMap<>();
    private final Set<String> placed = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> storedPerBroker = new ConcurrentHashMap<>();
    private final AtomicInteger orderNumbers = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger halfMessagesNotStored = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicReference<Exception> firstSendFailure = new AtomicReference<>();
    private final DeliveryLedger shipped = new DeliveryLedger();
    private final List<Future<?>> senders = new ArrayList<>();
    private ExecutorService pool;

    /** Two in three orders commit; the rest are rolled back by the local transaction. */
    static boolean commits(String orderId) {
        return Integer.parseInt(orderId.substring("order-".length())) % 3 != 0;
    }

    RouteBuilder routes(String topic, String namesrvAddr, String producerGroup, String consumerGroup) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                getContext().getRegistry().bind("orderCheck", (org.apache.camel.Processor) exchange -> {
                    String transactionId = exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID,
                            String.class);
                    exchange.getMessage().setHeader(RocketMQTxConstants.STATUS,
                            committedTransactions.containsKey(transactionId)
                                    ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
                });

                // Safe to redeliver: the half message was not stored, so the local transaction did not run. A new
                // attempt is a new transaction; a half message stored without an answer (broker gone in between) is
                // rolled back by the check, which finds no commit for its transaction id.
                onException(HalfMessageNotStoredException.class)
                        .maximumRedeliveries(240).redeliveryDelay(250)
                        .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                        .onRedelivery(exchange -> {
                            halfMessagesNotStored.incrementAndGet();
                            firstSendFailure.compareAndSet(null,
                                    exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
                        });

                from("direct:placeOrder").routeId(PLACE_ORDER_ROUTE)
                        .to("rocketmq-tx:" + topic + "?namesrvAddr=" + namesrvAddr + "&producerGroup=" + producerGroup
                            + "&localTransaction=direct:saveOrder&checkProcessor=#orderCheck&sendMsgTimeout=10000");
                from("direct:saveOrder").process(exchange -> {
                    String orderId = exchange.getMessage().getHeader("orderId", String.class);
                    if (commits(orderId)) {
                        committedTransactions.put(exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID,
                                String.class), orderId);
                    } else {
                        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
                    }
                });

                from("rocketmq-tx:" + topic + "?namesrvAddr=" + namesrvAddr + "&consumerGroup=" + consumerGroup
                     + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET").routeId(SHIPPING_ROUTE)
                        .process(e -> shipped.record(e.getMessage().getHeader("orderId", String.class)));
            }
        };
    }

    /** Starts {@code threads} senders, each placing one order after the other until {@link #stop()}. */
    void start(CamelContext context, int threads) {
        ProducerTemplate template = context.createProducerTemplate();
        sending.set(true);
        pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < threads; i++) {
            senders.add(pool.submit(() -> sendUntilStopped(template)));
        }
    }

    private void sendUntilStopped(ProducerTemplate template) {
        while (sending.get()) {
            String orderId = "order-" + orderNumbers.incrementAndGet();
            placed.add(orderId);
            Exchange result = template.send("direct:placeOrder", e -> {
                e.getMessage().setBody("order " + orderId);
                e.getMessage().setHeader("orderId", orderId);
            });
            if (result.getException() != null) {
                throw new IllegalStateException("order " + orderId + " failed after all redeliveries",
                        result.getException());
            }
            String broker = result.getMessage().getHeader(RocketMQTxConstants.BROKER_NAME, String.class);
            storedPerBroker.computeIfAbsent(String.valueOf(broker), b -> new AtomicInteger()).incrementAndGet();
            completed.incrementAndGet();
        }
    }

    /** Stops the senders and waits for each to finish its current order; rethrows a sender's failure. */
    void stop() throws Exception {
        sending.set(false);
        try {
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    int completed() {
        return completed.get();
    }

    int placed() {
        return placed.size();
    }

    /** The first failure the error handler redelivered, for the report. */
    Exception firstSendFailure() {
        return firstSendFailure.get();
    }

    int halfMessagesNotStored() {
        return halfMessagesNotStored.get();
    }

    /** Orders stored per broker name, as the producer reported them. */
    int storedOn(String brokerName) {
        AtomicInteger count = storedPerBroker.get(brokerName);
        return count == null ? 0 : count.get();
    }

    /** The orders whose local transaction committed (each must be delivered). */
    Set<String> committedOrders() {
        return Set.copyOf(committedTransactions.values());
    }

    int committedTransactions() {
        return committedTransactions.size();
    }

    /** Of the orders placed, those that are meant to commit. */
    Set<String> ordersMeantToCommit() {
        return Set.copyOf(placed.stream().filter(OrderTraffic::commits).toList());
    }

    DeliveryLedger shipped() {
        return shipped;
    }
}
