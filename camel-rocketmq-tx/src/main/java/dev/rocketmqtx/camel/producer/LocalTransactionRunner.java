package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.AsyncCallback;
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
        boolean interrupted = false;
        TransactedBoundaryWatch watch = unitOfWork == null ? null : new TransactedBoundaryWatch(unitOfWork, exchange);
        if (watch != null) {
            exchange.getExchangeExtension().setUnitOfWork(watch);
        }
        try {
            RouteCompletion completion = new RouteCompletion();
            if (!route.process(exchange, completion)) {
                completion.await();
            }
        } catch (InterruptedException e) {
            // The route goes on elsewhere and may still commit: only the check can tell.
            Thread.currentThread().interrupt();
            exchange.setException(e);
            interrupted = true;
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (watch != null) {
                exchange.getExchangeExtension().setUnitOfWork(unitOfWork);
            }
        }
        if (interrupted) {
            return TransactionStatus.UNKNOWN;
        }
        return OutcomeMapper.outcome(exchange, exceptionStatus, watch != null && watch.outermostBoundaryRolledBack());
    }

    /**
     * Waits for a route that went asynchronous. Most local-transaction routes complete in the calling thread (a
     * transacted() route always does), and then nothing is waited for: cheaper than Camel's synchronous process(),
     * which prepares a latch for every call.
     */
    private static final class RouteCompletion implements AsyncCallback {

        private boolean done;

        @Override
        public void done(boolean doneSync) {
            if (!doneSync) {
                synchronized (this) {
                    done = true;
                    notifyAll();
                }
            }
        }

        synchronized void await() throws InterruptedException {
            while (!done) {
                wait();
            }
        }
    }
}
