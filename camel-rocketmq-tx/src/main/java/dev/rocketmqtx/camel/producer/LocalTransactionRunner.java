package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local-transaction route on the caller's exchange, in the calling thread, and maps its outcome.
 * <p>
 * The same thread matters: a transaction bound to the caller's thread (Spring's {@code transacted()}) is visible to
 * the route, exactly as with {@code to("direct:...")}. The broker waits for the answer, so the route is awaited even
 * if part of it runs asynchronously.
 */
public final class LocalTransactionRunner implements LocalTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTransactionRunner.class);

    private final AsyncProcessor route;
    private final AsyncProcessorAwaitManager awaitManager;
    private final TransactionStatus exceptionStatus;
    private final boolean insideOwnTransaction;

    /**
     * @param awaitManager         the context's: what {@code route.process(exchange)} would look up on every call
     * @param insideOwnTransaction whether the component runs the route in a database transaction of its own
     *                             (transactionLog): then a transacted() in the route only joins it
     */
    public LocalTransactionRunner(AsyncProcessor route, AsyncProcessorAwaitManager awaitManager,
                                  TransactionStatus exceptionStatus, boolean insideOwnTransaction) {
        this.route = route;
        this.awaitManager = awaitManager;
        this.exceptionStatus = exceptionStatus;
        this.insideOwnTransaction = insideOwnTransaction;
    }

    @Override
    public TransactionStatus run(Exchange exchange, String transactionId, long sentAt) {
        exchange.getMessage().setHeader(RocketMQTxConstants.TRANSACTION_ID, transactionId);
        exchange.getMessage().setHeader(RocketMQTxConstants.MESSAGE_ID, transactionId);
        UnitOfWork unitOfWork = exchange.getUnitOfWork();
        TransactedBoundaryWatch watch = unitOfWork == null ? null : new TransactedBoundaryWatch(unitOfWork, exchange);
        if (watch != null) {
            exchange.getExchangeExtension().setUnitOfWork(watch);
        }
        try {
            // Runs the route's work queued on this thread's reactive executor until the route is done.
            awaitManager.process(route, exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (watch != null) {
                exchange.getExchangeExtension().setUnitOfWork(unitOfWork);
            }
        }
        TransactionStatus status = OutcomeMapper.outcome(exchange, exceptionStatus,
                watch != null && watch.outermostBoundaryRolledBack());
        if (status == TransactionStatus.ROLLBACK && !insideOwnTransaction && watch != null
            && watch.outermostBoundaryCommitted()
            && exchange.getException() == null && !exchange.isRollbackOnly()) {
            // The status header asked for ROLLBACK after the route's transacted() work had committed: a row without
            // its message. Allowed (the header decides), but rarely meant.
            LOG.warn("Local transaction {} set {}=ROLLBACK although its transacted() work committed: the message is"
                     + " rolled back, the database work stays. To roll both back, use markRollbackOnly() or"
                     + " rollback() in the route", transactionId, RocketMQTxConstants.STATUS);
        }
        return status;
    }
}
