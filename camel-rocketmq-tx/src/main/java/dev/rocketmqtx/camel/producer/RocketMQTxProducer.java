package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.CheckDispatcher;
import dev.rocketmqtx.camel.check.TransactionScope;
import dev.rocketmqtx.camel.health.RocketMQTxReadinessCheck;
import dev.rocketmqtx.camel.transport.HalfMessage;
import dev.rocketmqtx.camel.transport.TransactionTransport;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.rocketmq.common.message.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each exchange as a transactional message, in two phases: the half message first, then the local transaction
 * (a route or a processor) on the same exchange, then COMMIT, ROLLBACK or UNKNOWN as its outcome says. The same on
 * every protocol; the {@link TransactionTransport} does the protocol's part.
 * <p>
 * All of it runs in the caller's thread and the exchange completes synchronously. That is deliberate: a caller's
 * thread-bound transaction (a JDBC connection under {@code transacted()}) must be the one the local transaction uses.
 */
public class RocketMQTxProducer extends DefaultAsyncProducer {

    private static final Logger LOG = LoggerFactory.getLogger(RocketMQTxProducer.class);

    private final RocketMQTxEndpoint endpoint;
    private final RocketMQTxConfiguration configuration;
    private final TransactionTransport transport;
    private final TransactionStatistics statistics;
    private AsyncProducer localTransactionRoute;
    private AsyncProducer checkRoute;
    private LocalTransaction localTransaction;
    private TransactionScope scope;
    private TransactionLedger ledger;
    private CheckDispatcher checks;
    private EarlyCheck earlyCheck;
    private WritableHealthCheckRepository healthCheckRepository;
    private RocketMQTxReadinessCheck readinessCheck;

    public RocketMQTxProducer(RocketMQTxEndpoint endpoint, TransactionTransport transport) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.transport = transport;
        this.statistics = endpoint.getStatistics();
    }

    @Override
    protected void doStart() throws Exception {
        LocalTransactionRunner runner;
        boolean logged = configuration.getTransactionLog() != null;
        if (configuration.getLocalTransactionProcessor() != null) {
            runner = LocalTransactionRunner.ofProcessor(configuration.getLocalTransactionProcessor(),
                    configuration.getExceptionStatus());
        } else {
            localTransactionRoute = endpoint.getCamelContext().getEndpoint(configuration.getLocalTransaction())
                    .createAsyncProducer();
            ServiceHelper.startService(localTransactionRoute);
            runner = LocalTransactionRunner.ofRoute(localTransactionRoute,
                    PluginHelper.getAsyncProcessorAwaitManager(endpoint.getCamelContext()),
                    configuration.getExceptionStatus(), logged);
        }
        localTransaction = !logged
                ? runner : LoggedLocalTransaction.create(runner, configuration, endpoint.getCamelContext());
        Processor userCheck = configuration.getCheckProcessor();
        if (configuration.getCheckUri() != null) {
            checkRoute = endpoint.getCamelContext().getEndpoint(configuration.getCheckUri()).createAsyncProducer();
            ServiceHelper.startService(checkRoute);
            userCheck = checkRoute;
        }
        scope = transport.join();
        ledger = scope.ledger();
        checks = new CheckDispatcher(endpoint, endpoint.getMessageMapper(), ledger, userCheck,
                configuration.getTransactionLog(), configuration.getLocalTransactionTimeout(), statistics);
        try {
            Object checkIdentity = configuration.getCheckUri() != null
                    ? configuration.getCheckUri() : configuration.getCheckProcessor();
            scope.register(configuration.getTopic(), checkIdentity, checks, endpoint.toString());
        } catch (RuntimeException e) {
            transport.leave();
            throw e;
        }
        endpoint.bindLedger(ledger);
        if (configuration.getEarlyCheckDelay() > 0) {
            earlyCheck = new EarlyCheck(endpoint.getCamelContext().getExecutorServiceManager(), this, transport,
                    configuration.getEarlyCheckDelay(), configuration.getTopic(), checks, ledger, statistics);
        }
        transport.announce();
        registerReadinessCheck();
    }

    /** Health checks are optional: the check is registered only when Camel's producer health checks are present. */
    private void registerReadinessCheck() {
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            readinessCheck = RocketMQTxReadinessCheck.forProducer(configuration, transport.readiness());
            readinessCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(readinessCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        if (healthCheckRepository != null && readinessCheck != null) {
            healthCheckRepository.removeHealthCheck(readinessCheck);
            readinessCheck = null;
        }
        if (earlyCheck != null) {
            earlyCheck.stop();
            earlyCheck = null;
        }
        if (scope != null) {
            scope.unregister(configuration.getTopic(), checks);
            transport.leave();
            scope = null;
        }
        ServiceHelper.stopService(checkRoute, localTransactionRoute);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            send(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    /** The two phases of one transaction, in the caller's thread. */
    private void send(Exchange exchange) throws Exception {
        Message message = endpoint.getMessageMapper().toMessage(exchange);
        // A status left over from an earlier step must not decide this transaction.
        exchange.getMessage().removeHeader(RocketMQTxConstants.STATUS);

        HalfMessage half = storeHalfMessage(message, exchange);

        // The broker checks a half message no earlier than its transaction timeout after it was born, so the
        // transaction is in flight here before any check can ask for it; it stays so until its end has been sent,
        // so that a check meanwhile answers UNKNOWN instead of committing a second copy.
        String transactionId = half.transactionId();
        boolean claimed = ledger.claim(transactionId);
        TransactionStatus status = configuration.getExceptionStatus();
        try {
            status = localTransaction.run(exchange, transactionId, half.sentAt());
        } catch (RuntimeException | Error unexpected) {
            exchange.setException(unexpected);
        } finally {
            ledger.decided(transactionId, status);
            if (status.isFinal()) {
                end(half, status);
            }
            if (claimed) {
                ledger.release(transactionId);
            }
        }
        statistics.localTransactionEnded(status, exchange.getException() != null);
        setResultHeaders(exchange.getMessage(), status, half);
        if (earlyCheck != null && status == TransactionStatus.UNKNOWN) {
            earlyCheck.schedule(half);
        }
    }

    private HalfMessage storeHalfMessage(Message message, Exchange exchange) throws HalfMessageNotStoredException {
        try {
            return transport.sendHalf(message);
        } catch (Exception e) {
            statistics.halfMessageFailed();
            throw new HalfMessageNotStoredException(
                    "Could not store the half message on topic " + configuration.getTopic() + " ("
                                                    + transport.address() + "); the local transaction was not run: "
                                                    + transport.describeSendFailure(e),
                    exchange, e);
        }
    }

    /** Ends the transaction; an end lost on the way is made up for by the broker's check. */
    private void end(HalfMessage half, TransactionStatus status) {
        try {
            transport.end(half, status);
        } catch (Exception e) {
            LOG.warn("Transaction {} was decided {}, but its end did not reach the broker; the broker's check will"
                     + " end it: {}", half.transactionId(), status, e.toString());
        }
    }

    private static void setResultHeaders(org.apache.camel.Message out, TransactionStatus status, HalfMessage half) {
        out.setHeader(RocketMQTxConstants.STATUS, status);
        out.setHeader(RocketMQTxConstants.SEND_STATUS, half.sendStatus());
        out.setHeader(RocketMQTxConstants.MESSAGE_ID, half.messageId());
        out.setHeader(RocketMQTxConstants.QUEUE_OFFSET, half.queueOffset());
        if (half.queueId() >= 0) {
            out.setHeader(RocketMQTxConstants.QUEUE_ID, half.queueId());
        }
        if (half.brokerName() != null) {
            out.setHeader(RocketMQTxConstants.BROKER_NAME, half.brokerName());
        }
    }
}
