package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.CheckDispatcher;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The RocketMQ callbacks of one producer: the local transaction runs the sub-route, the check goes to the
 * dispatcher. Neither ever throws into the client: the raw client would turn a throwable into UNKNOWN silently.
 */
final class EndpointTransactionListener implements TransactionListener {

    private final LocalTransactionRunner runner;
    private final TransactionStatus exceptionStatus;
    private final InFlightTransactions inFlight;
    private final RememberedOutcomes remembered;
    private final CheckDispatcher checks;
    private final TransactionStatistics statistics;

    EndpointTransactionListener(LocalTransactionRunner runner, TransactionStatus exceptionStatus,
                                InFlightTransactions inFlight, RememberedOutcomes remembered,
                                CheckDispatcher checks, TransactionStatistics statistics) {
        this.runner = runner;
        this.exceptionStatus = exceptionStatus;
        this.inFlight = inFlight;
        this.remembered = remembered;
        this.checks = checks;
        this.statistics = statistics;
    }

    @Override
    public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
        LocalTransactionCall call = (LocalTransactionCall) arg;
        String transactionId = message.getTransactionId();
        inFlight.started(transactionId);
        TransactionStatus status = exceptionStatus;
        try {
            status = runner.run(call.exchange(), transactionId);
        } catch (Throwable unexpected) {
            call.exchange().setException(unexpected);
        } finally {
            // Remember before leaving the in-flight set, so a concurrent check always finds one of the two.
            remembered.remember(transactionId, status);
            inFlight.finished(transactionId);
            call.ended(status);
            statistics.localTransactionEnded(status, call.exchange().getException() != null);
        }
        return status.toLocalTransactionState();
    }

    @Override
    public LocalTransactionState checkLocalTransaction(MessageExt message) {
        try {
            return checks.check(message).toLocalTransactionState();
        } catch (RuntimeException unexpected) {
            return LocalTransactionState.UNKNOW;
        }
    }
}
