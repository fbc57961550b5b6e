package dev.rocketmqtx.camel;

import dev.rocketmqtx.camel.consumer.RocketMQTxConsumer;
import dev.rocketmqtx.camel.metrics.TransactionMeters;
import dev.rocketmqtx.camel.producer.RocketMQTxProducer;
import dev.rocketmqtx.camel.producer.TransactionLedger;
import dev.rocketmqtx.camel.support.MessageMapper;
import dev.rocketmqtx.camel.support.NameValidation;
import dev.rocketmqtx.camel.support.ProtocolOptions;
import dev.rocketmqtx.camel.support.RocketMQTxHeaderFilterStrategy;
import dev.rocketmqtx.camel.transport.Transports;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.NoSuchEndpointException;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.HeaderFilterStrategyAware;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Sends RocketMQ transactional messages whose local transaction is a Camel route or processor, and consumes committed
 * messages.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "rocketmq-tx", title = "RocketMQ Transactional",
             syntax = "rocketmq-tx:topic", category = { Category.MESSAGING }, headersClass = RocketMQTxConstants.class)
@ManagedResource(description = "RocketMQ transactional endpoint")
public class RocketMQTxEndpoint extends DefaultEndpoint implements HeaderFilterStrategyAware {

    @UriParam
    private RocketMQTxConfiguration configuration;

    private final TransactionStatistics statistics = new TransactionStatistics();
    private volatile TransactionLedger ledger;
    private MessageMapper messageMapper;
    private AutoCloseable meters;

    public RocketMQTxEndpoint(String uri, RocketMQTxComponent component, RocketMQTxConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    /** Checks made when the endpoint is created: options that are wrong whatever the endpoint is used for. */
    void validateOptions() {
        NameValidation.checkTopic(configuration.getTopic());
        if (configuration.getLocalTransaction() != null && configuration.getLocalTransactionProcessor() != null) {
            throw new IllegalArgumentException("Options localTransaction and localTransactionProcessor are mutually"
                                               + " exclusive: configure one local transaction");
        }
        if (configuration.getCheckProcessor() != null && configuration.getCheckUri() != null) {
            throw new IllegalArgumentException(
                    "Options checkProcessor and checkUri are mutually exclusive: configure one way to answer checks");
        }
        if (configuration.getExceptionStatus() == TransactionStatus.COMMIT) {
            throw new IllegalArgumentException(
                    "Option exceptionStatus=COMMIT is not allowed: a failed local transaction must never commit"
                                               + " (use ROLLBACK or UNKNOWN)");
        }
        requireAtLeast("sendMsgTimeout", configuration.getSendMsgTimeout(), 1);
        requireAtLeast("maxMessageSize", configuration.getMaxMessageSize(), 1);
        requireAtLeast("checkImmunityTime", configuration.getCheckImmunityTime(), 0);
        requireAtLeast("rememberedOutcomes", configuration.getRememberedOutcomes(), 0);
        requireAtLeast("earlyCheckDelay", configuration.getEarlyCheckDelay(), 0);
        if (configuration.getEarlyCheckDelay() > 0 && configuration.getCheckProcessor() == null
            && configuration.getCheckUri() == null && configuration.getTransactionLog() == null) {
            throw new IllegalArgumentException("Option earlyCheckDelay=" + configuration.getEarlyCheckDelay()
                                               + " needs checkProcessor, checkUri or transactionLog: the early check"
                                               + " asks what the broker's checks ask");
        }
        if (configuration.getLocalTransactionTimeout() < 1) {
            throw new IllegalArgumentException("Option localTransactionTimeout=" + configuration.getLocalTransactionTimeout()
                                               + " is invalid: must be a positive duration");
        }
        requireAtLeast("retryTimesWhenSendFailed", configuration.getRetryTimesWhenSendFailed(), 0);
        requireAtLeast("consumeThreadMin", configuration.getConsumeThreadMin(), 1);
        requireAtLeast("consumeThreadMax", configuration.getConsumeThreadMax(), configuration.getConsumeThreadMin());
        requireAtLeast("maxReconsumeTimes", configuration.getMaxReconsumeTimes(), -1);
        requireAtLeast("consumeMessageBatchMaxSize", configuration.getConsumeMessageBatchMaxSize(), 1);
        ProtocolOptions.validate(configuration);
        if (configuration.getSecretKey() != null && configuration.getAccessKey() == null) {
            throw new IllegalArgumentException("Option secretKey is set without accessKey");
        }
    }

    private static void requireAtLeast(String option, int value, int minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException("Option " + option + "=" + value + " is invalid: must be >= " + minimum);
        }
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (configuration.getHeaderFilterStrategy() == null) {
            configuration.setHeaderFilterStrategy(new RocketMQTxHeaderFilterStrategy());
        }
        messageMapper = new MessageMapper(configuration, configuration.getHeaderFilterStrategy());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        meters = TransactionMeters.bind(this);
    }

    @Override
    protected void doStop() throws Exception {
        if (meters != null) {
            meters.close();
            meters = null;
        }
        super.doStop();
    }

    @Override
    public Producer createProducer() throws Exception {
        NameValidation.checkSendableTopic(configuration.getTopic());
        if (!configuration.isGrpc()) {
            NameValidation.checkGroup("producerGroup", configuration.getProducerGroup());
        }
        if (configuration.getLocalTransactionProcessor() == null) {
            requireEndpoint("localTransaction", configuration.getLocalTransaction());
        }
        if (configuration.getCheckUri() != null) {
            requireEndpoint("checkUri", configuration.getCheckUri());
        }
        return new RocketMQTxProducer(this, Transports.forProducer(getCamelContext(), configuration, toString()));
    }

    private void requireEndpoint(String option, String uri) {
        if (uri == null) {
            throw new IllegalArgumentException("Option " + option + " is required on a rocketmq-tx producer: the"
                                               + " endpoint URI of the route that "
                                               + ("localTransaction".equals(option)
                                                       ? "runs the local transaction (or set"
                                                         + " localTransactionProcessor to a Processor)"
                                                       : "answers checks"));
        }
        try {
            if (getCamelContext().getEndpoint(uri) == null) {
                throw new NoSuchEndpointException(uri);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Option " + option + "=" + uri + " cannot be resolved to an endpoint: "
                                               + e.getMessage(), e);
        }
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        NameValidation.checkGroup("consumerGroup", configuration.getConsumerGroup());
        RocketMQTxConsumer consumer = new RocketMQTxConsumer(this, processor,
                Transports.forConsumer(configuration));
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    public RocketMQTxComponent getComponent() {
        return (RocketMQTxComponent) super.getComponent();
    }

    public RocketMQTxConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return configuration.getHeaderFilterStrategy();
    }

    @Override
    public void setHeaderFilterStrategy(HeaderFilterStrategy strategy) {
        configuration.setHeaderFilterStrategy(strategy);
    }

    public TransactionStatistics getStatistics() {
        return statistics;
    }

    /**
     * What this JVM knows of the transactions of the endpoint's producer group (shared with the group's other
     * endpoints), or null before a producer of the endpoint started.
     */
    public TransactionLedger getLedger() {
        return ledger;
    }

    /** Called by the endpoint's producers when they start. */
    public void bindLedger(TransactionLedger ledger) {
        this.ledger = ledger;
    }

    public MessageMapper getMessageMapper() {
        return messageMapper;
    }

    // ---- JMX ----

    @ManagedAttribute(description = "Topic")
    public String getTopic() {
        return configuration.getTopic();
    }

    @ManagedAttribute(description = "Transactions committed by their local transaction")
    public long getCommittedCount() {
        return statistics.getCommitted();
    }

    @ManagedAttribute(description = "Transactions rolled back by their local transaction")
    public long getRolledBackCount() {
        return statistics.getRolledBack();
    }

    @ManagedAttribute(description = "Transactions left UNKNOWN by their local transaction (the check decides)")
    public long getUnknownCount() {
        return statistics.getUnknown();
    }

    @ManagedAttribute(description = "Local transactions that failed with an exception")
    public long getLocalTransactionFailureCount() {
        return statistics.getLocalTransactionFailures();
    }

    @ManagedAttribute(description = "Half messages the broker did not store")
    public long getHalfMessageFailureCount() {
        return statistics.getHalfMessageFailures();
    }

    @ManagedAttribute(description = "Checks received from the broker (early checks are counted apart)")
    public long getCheckCount() {
        return statistics.getChecks();
    }

    @ManagedAttribute(description = "Early checks the producer made itself (earlyCheckDelay)")
    public long getEarlyCheckCount() {
        return statistics.getEarlyChecks();
    }

    @ManagedAttribute(description = "Early checks answered COMMIT")
    public long getEarlyCheckCommitCount() {
        return statistics.getEarlyCheckCommit();
    }

    @ManagedAttribute(description = "Early checks answered ROLLBACK")
    public long getEarlyCheckRollbackCount() {
        return statistics.getEarlyCheckRollback();
    }

    @ManagedAttribute(description = "Early checks not made because a broker check decided the transaction first")
    public long getEarlyChecksSkippedCount() {
        return statistics.getEarlyChecksSkipped();
    }

    @ManagedAttribute(description = "Checks answered COMMIT")
    public long getCheckCommitCount() {
        return statistics.getCheckCommit();
    }

    @ManagedAttribute(description = "Checks answered ROLLBACK")
    public long getCheckRollbackCount() {
        return statistics.getCheckRollback();
    }

    @ManagedAttribute(description = "Checks answered UNKNOWN")
    public long getCheckUnknownCount() {
        return statistics.getCheckUnknown();
    }

    @ManagedAttribute(description = "Mean time to answer a check (ms)")
    public double getCheckMeanMillis() {
        return statistics.getCheckMeanMillis();
    }

    @ManagedAttribute(description = "Longest time to answer a check (ms)")
    public double getCheckMaxMillis() {
        return statistics.getCheckMaxMillis();
    }

    @ManagedAttribute(description = "Transactions of the producer group being decided or ended in this JVM now")
    public int getInFlightCount() {
        TransactionLedger current = ledger;
        return current == null ? 0 : current.inFlightCount();
    }

    @ManagedAttribute(description = "Messages consumed successfully")
    public long getConsumedCount() {
        return statistics.getConsumed();
    }

    @ManagedAttribute(description = "Deliveries acknowledged without routing: their transaction was consumed before")
    public long getConsumedDuplicateCount() {
        return statistics.getConsumedDuplicates();
    }

    @ManagedAttribute(description = "Deliveries that failed and were returned for redelivery")
    public long getConsumeFailureCount() {
        return statistics.getConsumeFailures();
    }
}
