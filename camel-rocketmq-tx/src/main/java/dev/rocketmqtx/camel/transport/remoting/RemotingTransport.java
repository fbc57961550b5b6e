package dev.rocketmqtx.camel.transport.remoting;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.TransactionScope;
import dev.rocketmqtx.camel.health.BrokerReachability;
import dev.rocketmqtx.camel.health.ReadinessProbe;
import dev.rocketmqtx.camel.transport.HalfMessage;
import dev.rocketmqtx.camel.transport.TransactionTransport;
import org.apache.camel.CamelContext;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;

/**
 * The classic remoting protocol: name servers, brokers, and the producer group's shared client.
 */
public final class RemotingTransport implements TransactionTransport {

    private final CamelContext camelContext;
    private final RocketMQTxConfiguration configuration;
    private final String endpoint;
    private volatile RemotingProducerGroup group;
    private BrokerAnnouncer announcer;

    /** @param endpoint the endpoint, as it may appear in messages (no secrets) */
    public RemotingTransport(CamelContext camelContext, RocketMQTxConfiguration configuration, String endpoint) {
        this.camelContext = camelContext;
        this.configuration = configuration;
        this.endpoint = endpoint;
    }

    @Override
    public TransactionScope join() throws Exception {
        group = RemotingProducerGroup.join(configuration, endpoint);
        return group.scope();
    }

    @Override
    public void announce() {
        announcer = new BrokerAnnouncer(camelContext, this, group.client().getDefaultMQProducerImpl().getMqClientFactory(),
                configuration.getTopic(), configuration.topicWithNamespace(), configuration.getNamesrvAddr());
        announcer.start();
    }

    @Override
    public void leave() {
        // The announcer uses the client: stop it first.
        if (announcer != null) {
            announcer.stop();
            announcer = null;
        }
        RemotingProducerGroup leaving = group;
        group = null;
        if (leaving != null) {
            leaving.leave();
        }
    }

    @Override
    public HalfMessage sendHalf(Message message) throws Exception {
        long sentAt = System.currentTimeMillis();
        SendResult receipt = group.sendHalf(message, configuration.getSendMsgTimeout());
        // The client gave the message its unique id while sending: that id is the transaction id, here, in the
        // broker's checks and on the consumer.
        message.setTransactionId(MessageClientIDSetter.getUniqID(message));
        RemotingHalfMessage half = new RemotingHalfMessage(message, sentAt, System.currentTimeMillis(), receipt);
        if (receipt.getSendStatus() != SendStatus.SEND_OK) {
            // Stored, but not as durably as asked (flush or replica timeout): roll it back, as the raw client does.
            end(half, TransactionStatus.ROLLBACK);
            throw new IllegalStateException("the broker answered " + receipt.getSendStatus()
                                            + "; the half message was rolled back");
        }
        return half;
    }

    @Override
    public void end(HalfMessage half, TransactionStatus status) throws Exception {
        LocalTransactionState state = status.toLocalTransactionState();
        group.end((RemotingHalfMessage) half, state);
    }

    @Override
    public String describeSendFailure(Throwable failure) {
        return SendFailureDescription.of(failure, configuration);
    }

    @Override
    public String address() {
        return "name server " + configuration.getNamesrvAddr();
    }

    @Override
    public ReadinessProbe readiness() {
        return BrokerReachability.of(this::clientInstance, configuration.topicWithNamespace(),
                configuration.getNamesrvAddr());
    }

    /** The running client's connections, or null while the producer is stopped. */
    private MQClientInstance clientInstance() {
        RemotingProducerGroup current = group;
        return current == null ? null : current.client().getDefaultMQProducerImpl().getMqClientFactory();
    }
}
