package dev.rocketmqtx.camel.transaction;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.TransactedPolicy;

/**
 * Finds the database transaction that a transaction log entry or an idempotency key shares with a route: the one
 * the endpoint's transactedPolicy names, else the one {@code transacted()} would use. Spring transactions
 * (camel-spring) are optional: without them there is no boundary.
 */
public final class TransactionBoundaries {

    private static final boolean SPRING_PRESENT = isPresent("org.apache.camel.spring.spi.SpringTransactionPolicy");

    private TransactionBoundaries() {
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, TransactionBoundaries.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * @param configured the endpoint's transactedPolicy option, or null
     * @return the boundary, or null when none is configured and none can be found
     * @throws IllegalArgumentException when the configured policy cannot be used, or the registry holds several
     *                                  candidates and none is named
     */
    public static TransactionBoundary resolve(CamelContext context, TransactedPolicy configured) {
        if (!SPRING_PRESENT) {
            if (configured != null) {
                throw new IllegalArgumentException("Option transactedPolicy=" + configured.getClass().getName()
                                                   + " cannot be used: only Spring transaction policies"
                                                   + " (camel-spring) are supported");
            }
            return null;
        }
        return SpringTransactions.resolve(context, configured);
    }
}
