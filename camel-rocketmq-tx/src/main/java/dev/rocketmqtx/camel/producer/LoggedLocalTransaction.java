package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.transaction.TransactionBoundary;
import dev.rocketmqtx.camel.transaction.TransactionBoundary.Result;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The local-transaction route and its transaction log entry in one database transaction: the entry exists exactly
 * when the route's work committed, so any instance's check can read the outcome from the log.
 * <ul>
 * <li>The route asks for a rollback (or fails): nothing is logged and the transaction rolls back.</li>
 * <li>The half message is older than 90 % of localTransactionTimeout when the route is done: a check on another
 * instance answers ROLLBACK once the id is not logged and the message is older than the timeout, so this one must not
 * commit that late: it rolls back and the exchange fails. The last 10 % are the margin for the commit itself and for
 * the clocks of the instances.</li>
 * <li>The commit itself fails: the database may have committed, entry included; UNKNOWN leaves it to the check, which
 * reads the log.</li>
 * </ul>
 */
final class LoggedLocalTransaction implements LocalTransaction {

    private final LocalTransactionRunner runner;
    private final TransactionBoundary boundary;
    private final IdempotentRepository log;
    private final long timeoutMillis;
    private final long commitDeadlineMillis;

    LoggedLocalTransaction(LocalTransactionRunner runner, TransactionBoundary boundary, IdempotentRepository log,
                           long timeoutMillis) {
        this.runner = runner;
        this.boundary = boundary;
        this.log = log;
        this.timeoutMillis = timeoutMillis;
        this.commitDeadlineMillis = timeoutMillis - timeoutMillis / 10;
    }

    @Override
    public TransactionStatus run(Exchange exchange, String transactionId, long sentAt) {
        Result<TransactionStatus> result = boundary.run(rollbackOnly -> {
            TransactionStatus status = runner.run(exchange, transactionId, sentAt);
            if (status == TransactionStatus.ROLLBACK || exchange.getException() != null) {
                rollbackOnly.run();
                return status;
            }
            long age = System.currentTimeMillis() - sentAt;
            if (age >= commitDeadlineMillis) {
                exchange.setException(new LocalTransactionTimeoutException(
                        "The local transaction of " + transactionId + " took " + age + " ms, too close to"
                                                                  + " localTransactionTimeout=" + timeoutMillis
                                                                  + " ms to commit: rolled back, since a check may"
                                                                  + " roll the message back from then on"));
                rollbackOnly.run();
                return TransactionStatus.ROLLBACK;
            }
            log.add(transactionId);
            return status;
        });
        switch (result.ending()) {
            case COMMITTED:
                return result.value();
            case ROLLED_BACK:
                failWith(exchange, result.failure());
                // Nothing committed, whatever the route said: the message must not be delivered.
                return TransactionStatus.ROLLBACK;
            default:
                failWith(exchange, result.failure());
                return TransactionStatus.UNKNOWN;
        }
    }

    private static void failWith(Exchange exchange, Exception failure) {
        if (failure != null && exchange.getException() == null) {
            exchange.setException(failure);
        }
    }
}
