package dev.rocketmqtx.examples.quickstart;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's DataSourceTransactionManager, plus one mishap for the demo: a commit can be made to fail the way it fails
 * when the database connection breaks while committing. The database keeps nothing, and the caller only learns that
 * the commit failed, not whether it happened. An application uses a plain DataSourceTransactionManager.
 */
public class DemoTransactionManager extends DataSourceTransactionManager {

    public DemoTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    /** Makes the commit of the calling thread's transaction fail as if the connection broke during it. */
    public static void breakConnectionOnCommit() {
        TransactionSynchronizationManager.registerSynchronization(new BrokenConnection());
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        if (TransactionSynchronizationManager.getSynchronizations().stream().anyMatch(BrokenConnection.class::isInstance)) {
            doRollback(status);
            throw new ConnectionLostOnCommitException();
        }
        super.doCommit(status);
    }

    /** Marks a transaction whose commit is to fail; it does nothing itself. */
    private static final class BrokenConnection implements TransactionSynchronization {
    }

    /** The failed commit: a TransactionException, as Spring reports any commit that went wrong. */
    public static class ConnectionLostOnCommitException extends TransactionSystemException {
        ConnectionLostOnCommitException() {
            super("The connection to the database broke while committing (the demo's mishap): the outcome is unknown");
        }
    }
}
