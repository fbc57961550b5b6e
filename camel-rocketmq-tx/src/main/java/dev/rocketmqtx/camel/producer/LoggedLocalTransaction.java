package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.transaction.RepositoryParticipation;
import dev.rocketmqtx.camel.transaction.RepositoryParticipation.Verdict;
import dev.rocketmqtx.camel.transaction.TransactionBoundaries;
import dev.rocketmqtx.camel.transaction.TransactionBoundary;
import dev.rocketmqtx.camel.transaction.TransactionBoundary.Result;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    private static final Logger LOG = LoggerFactory.getLogger(LoggedLocalTransaction.class);

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

    /**
     * The route and its log entry in one database transaction: the one the configuration names or transacted() would
     * use. A log that cannot share the route's transaction is refused: an entry committed apart from its local
     * transaction would answer a check wrongly after a crash between the two.
     */
    static LocalTransaction create(LocalTransactionRunner runner, RocketMQTxConfiguration configuration,
                                   CamelContext camelContext) {
        IdempotentRepository log = configuration.getTransactionLog();
        TransactionBoundary boundary = TransactionBoundaries.resolve(camelContext,
                configuration.getTransactedPolicy());
        if (boundary == null) {
            throw new IllegalArgumentException("Option transactionLog needs the database transaction of the local"
                                               + " transaction: add camel-spring and a Spring"
                                               + " PlatformTransactionManager to the registry (the one transacted()"
                                               + " uses), or set the option transactedPolicy");
        }
        Verdict verdict = RepositoryParticipation.of(log, boundary);
        if (verdict.kind() == RepositoryParticipation.Kind.NEVER) {
            throw new IllegalArgumentException("Option transactionLog=" + log.getClass().getSimpleName()
                                               + " cannot write in the local transaction's database transaction: "
                                               + verdict.reason() + ". Use a JDBC repository (camel-sql's"
                                               + " JdbcMessageIdRepository) on the local transaction's DataSource");
        }
        if (verdict.kind() == RepositoryParticipation.Kind.UNKNOWN) {
            LOG.warn("Cannot verify that transactionLog {} writes in the database transaction of {} ({}). It must:"
                     + " an entry committed apart from its local transaction answers checks wrongly after a crash"
                     + " between the two.", log.getClass().getName(), boundary.description(), verdict.reason());
        }
        CamelContextAware.trySetCamelContext(log, camelContext);
        ServiceHelper.startService(log);
        return new LoggedLocalTransaction(runner, boundary, log, configuration.getLocalTransactionTimeout());
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
