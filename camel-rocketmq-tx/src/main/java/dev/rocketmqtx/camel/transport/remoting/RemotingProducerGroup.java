package dev.rocketmqtx.camel.transport.remoting;

import java.util.HashMap;
import java.util.Map;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.check.TransactionScope;
import dev.rocketmqtx.camel.support.RocketMQClientFactory;
import dev.rocketmqtx.camel.transport.SharedClientSettings;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.NamespaceUtil;

/**
 * The one RocketMQ client of a producer group in this JVM (per name server and namespace), shared by every endpoint
 * that sends in the group.
 * <p>
 * Why one: the broker sends each check of the group to one of the group's producers it knows, whichever. With one
 * client per endpoint, a check of a transaction still running on endpoint A could reach endpoint B, which would not
 * know it is in flight and could roll back a transaction about to commit. One client and one
 * {@link TransactionScope} per group make every endpoint of the group see every transaction of the group. What a
 * client fixes for all its sends (credentials, TLS, send retries) must then be the same for all endpoints of the
 * group; an endpoint that differs is refused when its route starts.
 */
final class RemotingProducerGroup {

    /** Guarded by the class: joining and leaving are rare (route start and stop). */
    private static final Map<String, RemotingProducerGroup> GROUPS = new HashMap<>();

    private final String key;
    private final String firstEndpoint;
    private final RocketMQTxConfiguration settings;
    private final TransactionScope scope;
    private final CheckAnswerTopicHook answerTopicHook;
    private final TransactionMQProducer client;
    private int members;

    private RemotingProducerGroup(String key, RocketMQTxConfiguration configuration, String endpoint) {
        this.key = key;
        this.firstEndpoint = endpoint;
        this.settings = configuration;
        this.scope = new TransactionScope("producer group " + configuration.getProducerGroup() + " at name server "
                                          + configuration.getNamesrvAddr(), configuration.getRememberedOutcomes());
        RPCHook signer = RocketMQClientFactory.signer(configuration);
        this.answerTopicHook = signer == null ? null : new CheckAnswerTopicHook(signer);
        this.client = RocketMQClientFactory.transactionProducer(configuration, new CheckListener(), answerTopicHook);
    }

    /**
     * Joins the group's client, starting it for the group's first endpoint.
     *
     * @param endpoint the endpoint, as it may appear in messages (no secrets)
     * @throws IllegalArgumentException when the group's client was made with settings this endpoint does not share
     */
    static RemotingProducerGroup join(RocketMQTxConfiguration configuration, String endpoint) throws MQClientException {
        synchronized (RemotingProducerGroup.class) {
            String key = configuration.getNamesrvAddr() + '|' + configuration.getNamespace() + '|'
                         + configuration.getProducerGroup();
            RemotingProducerGroup group = GROUPS.get(key);
            if (group == null) {
                group = new RemotingProducerGroup(key, configuration, endpoint);
                group.client.start();
                GROUPS.put(key, group);
            } else {
                group.requireSameClientSettings(configuration, endpoint);
            }
            group.members++;
            group.scope.ledger().ensureRememberedCapacity(configuration.getRememberedOutcomes());
            // The component refuses oversized bodies per endpoint before sending; the client's own limit must let
            // every endpoint's through.
            group.client.setMaxMessageSize(Math.max(group.client.getMaxMessageSize(), configuration.getMaxMessageSize()));
            return group;
        }
    }

    /** Leaves the group's client; the last endpoint shuts it down. */
    void leave() {
        synchronized (RemotingProducerGroup.class) {
            if (--members == 0) {
                GROUPS.remove(key);
                client.shutdown();
            }
        }
    }

    private void requireSameClientSettings(RocketMQTxConfiguration other, String endpoint) {
        String differing = SharedClientSettings.firstDifference(settings, other, false);
        if (differing != null) {
            throw new IllegalArgumentException(
                    "Endpoint " + endpoint + " uses producerGroup " + other.getProducerGroup() + " at name server "
                                               + other.getNamesrvAddr() + " like endpoint " + firstEndpoint
                                               + ", but with another " + differing + ": the endpoints of a producer"
                                               + " group share one RocketMQ client in a JVM, because the broker sends"
                                               + " each check to any producer of the group. Give them the same "
                                               + differing + ", or another producerGroup");
        }
    }

    TransactionScope scope() {
        return scope;
    }

    TransactionMQProducer client() {
        return client;
    }

    /** Stores a half message: what {@code sendMessageInTransaction} does before it runs the local transaction. */
    SendResult sendHalf(Message message, int timeoutMillis) throws Exception {
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_TRANSACTION_PREPARED, "true");
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_PRODUCER_GROUP, client.getProducerGroup());
        return client.send(message, timeoutMillis);
    }

    /** Sends the one-way END_TRANSACTION of a stored half message. */
    void end(RemotingHalfMessage half, LocalTransactionState state) throws Exception {
        client.getDefaultMQProducerImpl().endTransaction(half.sent(), half.receipt(), state, null);
    }

    /** The client's check callback: every check of the group goes to the scope. */
    private final class CheckListener implements TransactionListener {

        @Override
        public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
            // Never called: the component stores half messages and runs local transactions itself.
            throw new IllegalStateException("rocketmq-tx runs local transactions itself");
        }

        @Override
        public LocalTransactionState checkLocalTransaction(MessageExt message) {
            LocalTransactionState state = scope.check(message).toLocalTransactionState();
            if (answerTopicHook != null) {
                answerTopicHook.answering(message, NamespaceUtil.wrapNamespace(settings.getNamespace(), message.getTopic()));
            }
            return state;
        }
    }
}
