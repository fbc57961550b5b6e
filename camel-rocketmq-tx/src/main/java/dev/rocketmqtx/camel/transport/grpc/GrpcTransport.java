package dev.rocketmqtx.camel.transport.grpc;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.TransactionScope;
import dev.rocketmqtx.camel.health.ReadinessProbe;
import dev.rocketmqtx.camel.transport.HalfMessage;
import dev.rocketmqtx.camel.transport.TransactionTransport;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.SendReceipt;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageConst;

/**
 * The RocketMQ 5 gRPC protocol through proxy endpoints, with the topic's shared producer. One message per
 * transaction; the end is a synchronous call that the proxy answers.
 */
final class GrpcTransport implements TransactionTransport {

    private final RocketMQTxConfiguration configuration;
    private final String endpoint;
    private volatile GrpcProducerScope scope;

    GrpcTransport(RocketMQTxConfiguration configuration, String endpoint) {
        this.configuration = configuration;
        this.endpoint = endpoint;
    }

    @Override
    public TransactionScope join() {
        scope = GrpcProducerScope.join(configuration, endpoint);
        return scope.scope();
    }

    @Override
    public void announce() throws Exception {
        try {
            scope.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the gRPC producer of topic " + configuration.getTopic()
                                            + " at proxy " + configuration.getEndpoints() + ": "
                                            + GrpcFailures.describe(e, configuration), e);
        }
    }

    @Override
    public void leave() {
        GrpcProducerScope leaving = scope;
        scope = null;
        if (leaving != null) {
            leaving.leave();
        }
    }

    @Override
    public HalfMessage sendHalf(Message message) throws Exception {
        Producer producer = scope.producer();
        long sentAt = System.currentTimeMillis();
        Transaction transaction = producer.beginTransaction();
        SendReceipt receipt = producer.send(GrpcMessages.toGrpc(message, scope.topic()), transaction);
        String id = receipt.getMessageId().toString();
        // As the remoting client does: the unique id is the transaction id, here, in checks and on the consumer.
        MessageAccessor.putProperty(message, MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, id);
        message.setTransactionId(id);
        return new GrpcHalfMessage(message, sentAt, System.currentTimeMillis(), receipt, transaction);
    }

    @Override
    public void end(HalfMessage half, TransactionStatus status) throws Exception {
        Transaction transaction = ((GrpcHalfMessage) half).transaction();
        if (status == TransactionStatus.COMMIT) {
            transaction.commit();
        } else if (status == TransactionStatus.ROLLBACK) {
            transaction.rollback();
        }
    }

    @Override
    public String describeSendFailure(Throwable failure) {
        return GrpcFailures.describe(failure, configuration);
    }

    @Override
    public String address() {
        return "proxy endpoints " + configuration.getEndpoints();
    }

    @Override
    public ReadinessProbe readiness() {
        return GrpcReadiness.of(configuration.getEndpoints());
    }
}
