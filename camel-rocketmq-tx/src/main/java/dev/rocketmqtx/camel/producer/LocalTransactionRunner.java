package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.AsyncProcessorAwaitManager;
import org.apache.camel.spi.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the local transaction on the caller's exchange, in the calling thread, and maps its outcome. The local
 * transaction is a route (localTransaction) or a Processor called in place (localTransactionProcessor).
 * <p>
 * The same thread matters: a transaction bound to the caller's thread (Spring's {@code transacted()}) is visible to
 * the local transaction, exactly as with {@code to("direct:...")}. The broker waits for the answer, so a route is
 * awaited even if part of it runs asynchronously.
 */
public final class LocalTransactionRunner implements LocalTransaction {

    private static final Logger LOG = LoggerFactory.getLogger(LocalTransactionRunner.class);

    private final Processor localTransaction;
    private final boolean isRoute;
    private final TransactionStatus exceptionStatus;
    private final boolean insideOwnTransaction;

    private LocalTransactionRunner(Processor localTransaction, boolean isRoute, TransactionStatus exceptionStatus,
                                   boolean insideOwnTransaction) {
        this.localTransaction = localTransaction;
        this.isRoute = isRoute;
        this.exceptionStatus = exceptionStatus;
        this.insideOwnTransaction = insideOwnTransaction;
    }

    /**
     * @param awaitManager         the context's: what {@code route.process(exchange)} would look up on every call
     * @param insideOwnTransaction whether the component runs the route in a database transaction of its own
     *                             (transactionLog): then a transacted() in the route only joins it
     */
    public static LocalTransactionRunner ofRoute(AsyncProcessor route, AsyncProcessorAwaitManager awaitManager,
                                                 TransactionStatus exceptionStatus, boolean insideOwnTransaction) {
        // Runs the route's work queued on this thread's reactive executor until the route is done.
        return new LocalTransactionRunner(exchange -> awaitManager.process(route, exchange), true, exceptionStatus,
                insideOwnTransaction);
    }

    public static LocalTransactionRunner ofProcessor(Processor processor, TransactionStatus exceptionStatus) {
        return new LocalTransactionRunner(processor, false, exceptionStatus, false);
    }

    @Override
    public TransactionStatus run(Exchange exchange, String transactionId, long sentAt) {
        exchange.getMessage().setHeader(RocketMQTxConstants.TRANSACTION_ID, transactionId);
        exchange.getMessage().setHeader(RocketMQTxConstants.MESSAGE_ID, transactionId);
        UnitOfWork unitOfWork = exchange.getUnitOfWork();
        // A processor opens no route boundaries to watch: a database transaction it uses ends inside it, and its
        // outcome is its exception, rollback-only flag or status header.
        TransactedBoundaryWatch watch = unitOfWork == null || !isRoute
                ? null : new TransactedBoundaryWatch(unitOfWork, exchange);
        if (watch != null) {
            exchange.getExchangeExtension().setUnitOfWork(watch);
        }
        try {
            localTransaction.process(exchange);
        } catch (Throwable e) {
            // As Camel does for a route: whatever the local transaction throws is its failure, Errors included.
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
