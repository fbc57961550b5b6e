package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.AsyncProcessor;
import org.apache.camel.Exchange;
import org.apache.camel.spi.UnitOfWork;

/**
 * Runs the local-transaction route on the caller's exchange, in the calling thread, and maps its outcome.
 * <p>
 * The same thread matters: a transaction bound to the caller's thread (Spring's {@code transacted()}) is visible to
 * the route, exactly as with {@code to("direct:...")}. The broker waits for the answer, so the route is awaited even
 * if part of it runs asynchronously.
 */
public final class LocalTransactionRunner implements LocalTransaction {

    private final AsyncProcessor route;
    private final TransactionStatus exceptionStatus;

    public LocalTransactionRunner(AsyncProcessor route, TransactionStatus exceptionStatus) {
        this.route = route;
        this.exceptionStatus = exceptionStatus;
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
            route.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (watch != null) {
                exchange.getExchangeExtension().setUnitOfWork(unitOfWork);
            }
        }
        return OutcomeMapper.outcome(exchange, exceptionStatus, watch != null && watch.outermostBoundaryRolledBack());
    }
}
