package dev.rocketmqtx.camel.check;

import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.producer.TransactionLedger;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The producers of this JVM among which the broker picks one for each check: the endpoints of one producer group on
 * the remoting protocol, of one topic through a RocketMQ 5 proxy. A check of a transaction sent by one endpoint may
 * reach the client of another, so they share one {@link TransactionLedger}, and each check is answered by the
 * dispatcher of the endpoint that sends to the message's topic.
 * <p>
 * Endpoints of one scope that send to the same topic must answer checks the same way: otherwise the answer would
 * depend on which of them the broker happened to reach. Such an endpoint is refused when it registers.
 */
public final class TransactionScope {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionScope.class);

    private final String description;
    private final TransactionLedger ledger;
    private final Map<String, Registration> byTopic = new ConcurrentHashMap<>();
    private final Set<String> warnedTopics = ConcurrentHashMap.newKeySet();

    /**
     * @param description names the scope in log messages, e.g. "producer group orders-tx at name server ns:9876"
     */
    public TransactionScope(String description, int rememberedOutcomes) {
        this.description = description;
        this.ledger = new TransactionLedger(rememberedOutcomes);
    }

    public TransactionLedger ledger() {
        return ledger;
    }

    /**
     * Routes the checks of {@code topic} to {@code dispatcher}.
     *
     * @param check    what answers the user's checks (the check processor, the check route's URI, or null): endpoints
     *                 on the same topic must have equal ones
     * @param endpoint the endpoint, for the error message
     * @throws IllegalArgumentException when another endpoint of the scope answers the topic's checks differently
     */
    public synchronized void register(String topic, Object check, CheckDispatcher dispatcher, String endpoint) {
        Registration existing = byTopic.get(topic);
        if (existing == null) {
            byTopic.put(topic, new Registration(check, dispatcher, endpoint));
            return;
        }
        if (!Objects.equals(existing.check, check)) {
            throw new IllegalArgumentException(
                    "Endpoint " + endpoint + " sends to topic " + topic + " in " + description + " like endpoint "
                                               + existing.endpoint + ", but with another checkProcessor or checkUri:"
                                               + " the broker sends each check to any producer of the group, so"
                                               + " both must answer checks the same way. Use the same check, or"
                                               + " another producerGroup");
        }
        existing.dispatchers.add(dispatcher);
    }

    /** Stops routing checks to the dispatcher; another endpoint of the topic, if any, answers them from now on. */
    public synchronized void unregister(String topic, CheckDispatcher dispatcher) {
        Registration existing = byTopic.get(topic);
        if (existing != null && existing.dispatchers.remove(dispatcher) && existing.dispatchers.isEmpty()) {
            byTopic.remove(topic);
        }
    }

    /**
     * Answers a check that reached this scope's client. Never throws: a failure answers UNKNOWN, logged with the
     * transaction id, so that a transaction that keeps failing its checks leaves a trace before the broker parks it.
     */
    public TransactionStatus check(MessageExt message) {
        String transactionId = message.getTransactionId();
        try {
            Registration registration = byTopic.get(message.getTopic());
            CheckDispatcher dispatcher = registration == null ? null : registration.dispatchers.peek();
            return dispatcher != null ? dispatcher.check(message) : answerWithoutEndpoint(message, transactionId);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Check of transaction {} on topic {} failed, answering UNKNOWN (the broker checks again later)",
                    transactionId, message.getTopic(), e);
            return TransactionStatus.UNKNOWN;
        }
    }

    /** No endpoint of this JVM sends to the message's topic (any more): only what the ledger knows can answer. */
    private TransactionStatus answerWithoutEndpoint(MessageExt message, String transactionId) {
        if (ledger.isInFlight(transactionId)) {
            return TransactionStatus.UNKNOWN;
        }
        TransactionStatus remembered = ledger.recall(transactionId);
        if (remembered != null && remembered.isFinal()) {
            return remembered;
        }
        if (warnedTopics.add(message.getTopic())) {
            LOG.warn("The broker checked transaction {} of topic {} in {}, but no rocketmq-tx producer of that topic"
                     + " runs in this JVM: answering UNKNOWN. Another instance with such a producer, or this one once"
                     + " it runs again, will answer.", transactionId, message.getTopic(), description);
        }
        return TransactionStatus.UNKNOWN;
    }

    @Override
    public String toString() {
        return description;
    }

    /** The endpoints of one topic: one check, and the dispatchers of the producers that use it. */
    private static final class Registration {
        private final Object check;
        private final String endpoint;
        private final Queue<CheckDispatcher> dispatchers = new ConcurrentLinkedQueue<>();

        private Registration(Object check, CheckDispatcher dispatcher, String endpoint) {
            this.check = check;
            this.endpoint = endpoint;
            dispatchers.add(dispatcher);
        }
    }
}
