package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.CheckDispatcher;
import dev.rocketmqtx.camel.health.RocketMQTxReadinessCheck;
import dev.rocketmqtx.camel.support.RocketMQClientFactory;
import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;

/**
 * Sends each exchange as a transactional message: the half message first, then the local-transaction route on the
 * same exchange, then COMMIT, ROLLBACK or UNKNOWN as the route's outcome says.
 * <p>
 * All of it runs in the caller's thread and the exchange completes synchronously. That is deliberate: RocketMQ's
 * client calls the local transaction in the sending thread, and a caller's thread-bound transaction (a JDBC
 * connection under {@code transacted()}) must be the one the local transaction uses.
 */
public class RocketMQTxProducer extends DefaultAsyncProducer {

    private final RocketMQTxEndpoint endpoint;
    private BrokerAnnouncer announcer;
    private final RocketMQTxConfiguration configuration;
    private AsyncProducer localTransactionRoute;
    private AsyncProducer checkRoute;
    private volatile TransactionMQProducer client;
    private volatile EarlyCheck earlyCheck;
    private WritableHealthCheckRepository healthCheckRepository;
    private RocketMQTxReadinessCheck readinessCheck;

    public RocketMQTxProducer(RocketMQTxEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
    }

    @Override
    protected void doStart() throws Exception {
        localTransactionRoute = endpoint.getCamelContext().getEndpoint(configuration.getLocalTransaction())
                .createAsyncProducer();
        ServiceHelper.startService(localTransactionRoute);
        Processor userCheck = configuration.getCheckProcessor();
        if (configuration.getCheckUri() != null) {
            checkRoute = endpoint.getCamelContext().getEndpoint(configuration.getCheckUri()).createAsyncProducer();
            ServiceHelper.startService(checkRoute);
            userCheck = checkRoute;
        }
        CheckDispatcher checks = new CheckDispatcher(endpoint, endpoint.getMessageMapper(),
                endpoint.getInFlightTransactions(), endpoint.getRememberedOutcomes(), userCheck,
                endpoint.getStatistics()::checked);
        EndpointTransactionListener listener = new EndpointTransactionListener(
                new LocalTransactionRunner(localTransactionRoute, configuration.getExceptionStatus()),
                configuration.getExceptionStatus(), endpoint.getInFlightTransactions(),
                endpoint.getRememberedOutcomes(), checks, endpoint.getStatistics());
        client = RocketMQClientFactory.transactionProducer(configuration, listener);
        if (configuration.getEarlyCheckDelay() > 0) {
            earlyCheck = new EarlyCheck(endpoint.getCamelContext().getExecutorServiceManager(), this, client,
                    configuration.getEarlyCheckDelay(), configuration.getTopic(), checks,
                    endpoint.getRememberedOutcomes());
        }
        client.start();
        announceToBrokers();
        registerReadinessCheck();
    }

    /** Health checks are optional: the check is registered only when Camel's producer health checks are present. */
    private void registerReadinessCheck() {
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            readinessCheck = RocketMQTxReadinessCheck.forProducer(configuration, this::clientInstance);
            readinessCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(readinessCheck);
        }
    }

    /** The running client's connections, or null while the producer is stopped. */
    private MQClientInstance clientInstance() {
        TransactionMQProducer current = client;
        return current == null ? null : current.getDefaultMQProducerImpl().getMqClientFactory();
    }

    /**
     * A fresh producer heartbeats only to brokers it knows from routes, and knows none before its first send. An
     * instance restarted after a crash, the one that must answer the checks of its predecessor's half messages, would
     * stay invisible to the broker. Loading the topic's route and sending a heartbeat right away makes it checkable.
     */
    private void announceToBrokers() {
        MQClientInstance instance = client.getDefaultMQProducerImpl().getMqClientFactory();
        String topic = configuration.topicWithNamespace();
        announcer = new BrokerAnnouncer(endpoint.getCamelContext(), this, instance, configuration.getTopic(), topic,
                configuration.getNamesrvAddr());
        announcer.start();
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
        if (client != null) {
            client.shutdown();
            client = null;
        }
        ServiceHelper.stopService(checkRoute, localTransactionRoute);
        if (announcer != null) {
            announcer.stop();
            announcer = null;
        }
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

    private void send(Exchange exchange) throws Exception {
        Message message = endpoint.getMessageMapper().toMessage(exchange);
        // A status left over from an earlier step must not decide this transaction.
        exchange.getMessage().removeHeader(RocketMQTxConstants.STATUS);
        LocalTransactionCall call = new LocalTransactionCall(exchange);
        TransactionSendResult result;
        try {
            result = client.sendMessageInTransaction(message, call);
        } catch (Exception e) {
            endpoint.getStatistics().halfMessageFailed();
            throw new HalfMessageNotStoredException(
                    "Could not store the half message on topic " + configuration.getTopic() + " (name server "
                                                    + configuration.getNamesrvAddr()
                                                    + "); the local transaction was not run: "
                                                    + SendFailureDescription.of(e, configuration),
                    exchange, e);
        }
        if (call.status() == null) {
            endpoint.getStatistics().halfMessageFailed();
            throw new HalfMessageNotStoredException(
                    "The broker answered " + result.getSendStatus() + " for the half message on topic "
                                                    + configuration.getTopic()
                                                    + "; it was rolled back and the local transaction was not run",
                    exchange, null);
        }
        setResultHeaders(exchange.getMessage(), call.status(), result);
        EarlyCheck early = earlyCheck;
        if (early != null) {
            early.afterSend(message, call.status());
        }
    }

    private static void setResultHeaders(org.apache.camel.Message out, TransactionStatus status,
                                         TransactionSendResult result) {
        out.setHeader(RocketMQTxConstants.STATUS, status);
        out.setHeader(RocketMQTxConstants.SEND_STATUS, result.getSendStatus().name());
        out.setHeader(RocketMQTxConstants.MESSAGE_ID, result.getMsgId());
        out.setHeader(RocketMQTxConstants.QUEUE_OFFSET, result.getQueueOffset());
        MessageQueue queue = result.getMessageQueue();
        if (queue != null) {
            out.setHeader(RocketMQTxConstants.QUEUE_ID, queue.getQueueId());
            out.setHeader(RocketMQTxConstants.BROKER_NAME, queue.getBrokerName());
        }
    }
}
