package dev.rocketmqtx.camel.transaction;

import java.lang.reflect.Method;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Whether an idempotent repository's writes take part in a boundary's database transaction. Checked once, when a
 * route starts: camel-sql's JDBC repositories do when they use the transaction manager's own DataSource (Spring
 * joins transactions per DataSource); memory and file repositories never do, nor camel-sql's cached and orphan-lock
 * repositories, which answer from what is not in the transaction; of any other kind nothing is known.
 */
public final class RepositoryParticipation {

    private static final String JDBC_REPOSITORY
            = "org.apache.camel.processor.idempotent.jdbc.AbstractJdbcMessageIdRepository";
    /** Keeps every key it was asked to add in memory, even when the transaction that added it rolled back. */
    private static final String CACHED_JDBC_REPOSITORY
            = "org.apache.camel.processor.idempotent.jdbc.JdbcCachedMessageIdRepository";
    /** Treats entries older than its lock age as absent: a committed transaction would read as never logged. */
    private static final String ORPHAN_LOCK_JDBC_REPOSITORY
            = "org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository";

    /** The verdict, and why. */
    public record Verdict(Kind kind, String reason) {
    }

    public enum Kind {
        JOINS,
        NEVER,
        UNKNOWN
    }

    private RepositoryParticipation() {
    }

    public static Verdict of(IdempotentRepository repository, TransactionBoundary boundary) {
        if (repository instanceof MemoryIdempotentRepository || repository instanceof FileIdempotentRepository) {
            return new Verdict(Kind.NEVER, repository.getClass().getSimpleName() + " keeps its keys outside any"
                                           + " database");
        }
        if (isA(repository.getClass(), CACHED_JDBC_REPOSITORY)) {
            return new Verdict(Kind.NEVER, "JdbcCachedMessageIdRepository keeps a key in its cache even when the"
                                           + " transaction that added it rolls back");
        }
        if (isA(repository.getClass(), ORPHAN_LOCK_JDBC_REPOSITORY)) {
            return new Verdict(Kind.NEVER, "JdbcOrphanLockAwareIdempotentRepository treats entries older than its lock"
                                           + " age as absent");
        }
        if (!isA(repository.getClass(), JDBC_REPOSITORY)) {
            return new Verdict(Kind.UNKNOWN, "it is no JDBC repository of camel-sql, whose participation could be"
                                             + " checked");
        }
        Object repositoryDataSource = call(call(repository, "getJdbcTemplate"), "getDataSource");
        Object managerDataSource = boundary instanceof SpringTransactionBoundary spring
                ? call(spring.transactionManager(), "getDataSource") : null;
        if (managerDataSource == null) {
            return new Verdict(Kind.UNKNOWN, "the transaction manager " + boundary.description()
                                             + " names no DataSource to compare with");
        }
        if (managerDataSource != repositoryDataSource) {
            return new Verdict(Kind.NEVER, "it writes through another DataSource than the transaction manager "
                                           + boundary.description() + ", so it commits in a transaction of its own");
        }
        return new Verdict(Kind.JOINS, null);
    }

    private static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** A public no-argument getter, or null when there is none. */
    private static Object call(Object target, String getter) {
        if (target == null) {
            return null;
        }
        try {
            Method method = target.getClass().getMethod(getter);
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
