package dev.rocketmqtx.camel.transaction;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * A boundary on a Spring transaction manager, with the definition (propagation, isolation, timeout) that the
 * application's {@code transacted()} uses. Loaded only when Spring's transaction classes are on the classpath.
 */
final class SpringTransactionBoundary implements TransactionBoundary {

    private final PlatformTransactionManager transactionManager;
    private final TransactionDefinition definition;

    SpringTransactionBoundary(PlatformTransactionManager transactionManager, TransactionDefinition definition) {
        this.transactionManager = transactionManager;
        this.definition = definition;
    }

    PlatformTransactionManager transactionManager() {
        return transactionManager;
    }

    @Override
    public <T> Result<T> run(Work<T> work) {
        TransactionStatus status = transactionManager.getTransaction(definition);
        T value;
        try {
            value = work.run(status::setRollbackOnly);
        } catch (Exception | Error e) {
            transactionManager.rollback(status);
            if (e instanceof Error error) {
                throw error;
            }
            return new Result<>(null, Ending.ROLLED_BACK, (Exception) e);
        }
        if (status.isRollbackOnly()) {
            transactionManager.rollback(status);
            return new Result<>(value, Ending.ROLLED_BACK, null);
        }
        try {
            transactionManager.commit(status);
            return new Result<>(value, Ending.COMMITTED, null);
        } catch (UnexpectedRollbackException e) {
            // A participant (a transacted() in the route) marked it rollback-only: it rolled back.
            return new Result<>(value, Ending.ROLLED_BACK, e);
        } catch (TransactionException e) {
            return new Result<>(value, Ending.COMMIT_FAILED, e);
        }
    }

    @Override
    public String description() {
        return transactionManager.getClass().getSimpleName();
    }
}
