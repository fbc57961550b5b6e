package dev.rocketmqtx.camel.consumer;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.health.RocketMQTxReadinessCheck;
import dev.rocketmqtx.camel.transaction.RepositoryParticipation;
import dev.rocketmqtx.camel.transaction.TransactionBoundaries;
import dev.rocketmqtx.camel.transaction.TransactionBoundary;
import dev.rocketmqtx.camel.transport.MessageSource;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers committed messages of the topic to the route. Consumers never see half or rolled-back messages: the
 * broker only makes a transactional message visible once it is committed.
 * <p>
 * A message is acknowledged only when its exchange succeeded. On a failure (exception or rollback-only) it is returned
 * to the broker, which redelivers it after its retry delay and, after the group's retry limit, moves it to the
 * group's dead-letter topic. The same on both protocols; the {@link MessageSource} does the protocol's part.
 */
public class RocketMQTxConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(RocketMQTxConsumer.class);

    private final RocketMQTxEndpoint endpoint;
    private final MessageSource source;
    private IdempotentDelivery idempotentDelivery;
    // Resolved once: a synchronous call of the route would look it up for every message.
    private AsyncProcessorAwaitManager awaitManager;

    public RocketMQTxConsumer(RocketMQTxEndpoint endpoint, Processor processor, MessageSource source) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.source = source;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        RocketMQTxConfiguration configuration = endpoint.getConfiguration();
        idempotentDelivery = idempotentDelivery(configuration);
        awaitManager = PluginHelper.getAsyncProcessorAwaitManager(endpoint.getCamelContext());
        source.start(this::deliverOnce);
        registerReadinessCheck(configuration);
    }

    /**
     * With an idempotentRepository: in one database transaction with the route when the repository writes in the
     * route's transaction (a JDBC repository on the transaction manager's DataSource), else after the route.
     */
    private IdempotentDelivery idempotentDelivery(RocketMQTxConfiguration configuration) {
        IdempotentRepository repository = configuration.getIdempotentRepository();
        if (repository == null) {
            return null;
        }
        CamelContextAware.trySetCamelContext(repository, endpoint.getCamelContext());
        ServiceHelper.startService(repository);
        TransactionBoundary boundary = TransactionBoundaries.resolve(endpoint.getCamelContext(),
                configuration.getTransactedPolicy());
        if (boundary != null) {
            RepositoryParticipation.Verdict verdict = RepositoryParticipation.of(repository, boundary);
            if (verdict.kind() != RepositoryParticipation.Kind.JOINS) {
                LOG.info("idempotentRepository {} does not write in the route's database transaction ({}): keys are"
                         + " added after the route succeeded", repository.getClass().getSimpleName(), verdict.reason());
                boundary = null;
            }
        }
        return new IdempotentDelivery(repository, boundary, endpoint.getStatistics());
    }

    /**
     * Health checks are optional. Resolving the consumers repository registers it with the context (as Camel's own
     * components do); it then asks every route consumer that has a check for it.
     */
    private void registerReadinessCheck(RocketMQTxConfiguration configuration) {
        HealthCheckRepository repository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(),
                "consumers", HealthCheckRepository.class);
        if (repository != null) {
            RocketMQTxReadinessCheck check = RocketMQTxReadinessCheck.forConsumer(getRouteId(), configuration,
                    source.readiness());
            check.setEnabled(endpoint.getComponent().isHealthCheckConsumerEnabled());
            setHealthCheck(check);
        }
    }

    @Override
    protected void doStop() throws Exception {
        source.stop();
        super.doStop();
    }

    /** Whether to acknowledge the message: routed successfully, or a duplicate of a transaction consumed before. */
    private boolean deliverOnce(MessageExt message) {
        if (idempotentDelivery == null) {
            return deliver(message);
        }
        try {
            return idempotentDelivery.deliver(message, this::deliver);
        } catch (RuntimeException e) {
            getExceptionHandler().handleException("Error delivering message " + message.getMsgId() + " from topic "
                                                  + message.getTopic() + "; it will be redelivered", e);
            return false;
        }
    }

    private boolean deliver(MessageExt message) {
        Exchange exchange = createExchange(false);
        try {
            endpoint.getMessageMapper().fillExchange(exchange, message);
            awaitManager.process(getAsyncProcessor(), exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean succeeded = exchange.getException() == null && !exchange.isRollbackOnly()
                            && !exchange.isRollbackOnlyLast();
        if (exchange.getException() != null) {
            getExceptionHandler().handleException("Error processing message " + message.getMsgId() + " from topic "
                                                  + message.getTopic() + "; it will be redelivered",
                    exchange, exchange.getException());
        }
        endpoint.getStatistics().consumed(succeeded);
        releaseExchange(exchange, false);
        return succeeded;
    }
}
