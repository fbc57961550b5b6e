package dev.rocketmqtx.camel.transport.grpc;

import java.util.HashMap;
import java.util.Map;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.TransactionScope;
import dev.rocketmqtx.camel.transport.SharedClientSettings;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gRPC producer of a topic in this JVM (per proxy endpoints and namespace), shared by every endpoint that
 * sends to the topic.
 * <p>
 * Why per topic: a RocketMQ 5 proxy has no producer groups for gRPC clients; it sends the check of a transactional
 * message to any live gRPC producer that declared the message's topic. So the endpoints of one topic form one
 * {@link TransactionScope}, as the endpoints of one producer group do on the remoting protocol, and share one
 * producer: settings it fixes for all its sends must be the same for all of them.
 */
final class GrpcProducerScope {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcProducerScope.class);

    /** Guarded by the class: joining and leaving are rare (route start and stop). */
    private static final Map<String, GrpcProducerScope> SCOPES = new HashMap<>();

    private final String key;
    private final String firstEndpoint;
    private final RocketMQTxConfiguration settings;
    private final String topic;
    private final TransactionScope scope;
    private volatile Producer producer;
    /** Set when the topic has a namespace: then checks are ended by the component, see NamespacedCheckEnd. */
    private volatile NamespacedCheckEnd namespacedCheckEnd;
    private int members;

    private GrpcProducerScope(String key, RocketMQTxConfiguration configuration, String endpoint) {
        this.key = key;
        this.firstEndpoint = endpoint;
        this.settings = configuration;
        this.topic = GrpcClients.withNamespace(configuration, configuration.getTopic());
        this.scope = new TransactionScope("topic " + configuration.getTopic() + " at proxy "
                                          + configuration.getEndpoints(), configuration.getRememberedOutcomes());
    }

    /**
     * Joins the topic's scope; its producer starts when a member {@linkplain #start starts} it.
     *
     * @throws IllegalArgumentException when the scope's producer was made with settings this endpoint does not share
     */
    static GrpcProducerScope join(RocketMQTxConfiguration configuration, String endpoint) {
        synchronized (GrpcProducerScope.class) {
            String key = configuration.getEndpoints() + '|' + configuration.getNamespace() + '|'
                         + configuration.getTopic();
            GrpcProducerScope scope = SCOPES.get(key);
            if (scope == null) {
                scope = new GrpcProducerScope(key, configuration, endpoint);
                SCOPES.put(key, scope);
            } else {
                scope.requireSameClientSettings(configuration, endpoint);
            }
            scope.members++;
            scope.scope.ledger().ensureRememberedCapacity(configuration.getRememberedOutcomes());
            return scope;
        }
    }

    void leave() {
        synchronized (GrpcProducerScope.class) {
            if (--members == 0) {
                SCOPES.remove(key);
                Producer current = producer;
                producer = null;
                if (current != null) {
                    closeQuietly(current);
                }
            }
        }
    }

    private void closeQuietly(Producer closing) {
        try {
            closing.close();
        } catch (Exception e) {
            LOG.debug("Closing the gRPC producer of topic {} failed: {}", topic, e.toString());
        }
    }

    /**
     * Starts the producer for the scope's first member: from then on the proxy sends it the topic's checks. Fails
     * when the proxy cannot be reached, refuses the credentials, or does not know the topic.
     */
    void start() throws ClientException {
        synchronized (GrpcProducerScope.class) {
            if (producer == null) {
                producer = GrpcClients.PROVIDER.newProducerBuilder()
                        .setClientConfiguration(GrpcClients.configuration(settings))
                        .setTopics(topic)
                        .setMaxAttempts(settings.getRetryTimesWhenSendFailed() + 1)
                        .setTransactionChecker(this::check)
                        .build();
                if (!topic.equals(settings.getTopic())) {
                    try {
                        namespacedCheckEnd = NamespacedCheckEnd.of(producer);
                    } catch (IllegalStateException e) {
                        closeQuietly(producer);
                        producer = null;
                        throw e;
                    }
                }
            }
        }
    }

    private TransactionResolution check(MessageView view) {
        TransactionStatus status;
        try {
            status = scope.check(GrpcMessages.toMessageExt(view,
                    GrpcClients.withoutNamespace(settings, view.getTopic())));
        } catch (RuntimeException e) {
            LOG.warn("Check of transaction {} on topic {} failed, answering UNKNOWN (the broker checks again later)",
                    view.getMessageId(), view.getTopic(), e);
            status = TransactionStatus.UNKNOWN;
        }
        TransactionResolution resolution = switch (status) {
            case COMMIT -> TransactionResolution.COMMIT;
            case ROLLBACK -> TransactionResolution.ROLLBACK;
            default -> TransactionResolution.UNKNOWN;
        };
        if (resolution == TransactionResolution.UNKNOWN || topic.equals(view.getTopic())) {
            return resolution;
        }
        // The proxy gave the check the topic without its namespace; an end under that name would be lost.
        try {
            namespacedCheckEnd.end(GrpcClients.endpoints(settings), topic, view, resolution);
        } catch (Exception e) {
            LOG.warn("Ending checked transaction {} on topic {} with {} failed (the broker checks again later): {}",
                    view.getMessageId(), topic, resolution, e.toString());
        }
        return TransactionResolution.UNKNOWN;
    }

    private void requireSameClientSettings(RocketMQTxConfiguration other, String endpoint) {
        String differing = SharedClientSettings.firstDifference(settings, other, true);
        if (differing != null) {
            throw new IllegalArgumentException(
                    "Endpoint " + endpoint + " sends to topic " + other.getTopic() + " through proxy "
                                               + other.getEndpoints() + " like endpoint " + firstEndpoint
                                               + ", but with another " + differing + ": the endpoints of a topic share"
                                               + " one gRPC producer in a JVM, because the proxy sends each check of"
                                               + " the topic to any of its producers. Give them the same " + differing);
        }
    }

    TransactionScope scope() {
        return scope;
    }

    String topic() {
        return topic;
    }

    /** The running producer, or null while the scope's first member has not started it. */
    Producer producer() {
        return producer;
    }
}
