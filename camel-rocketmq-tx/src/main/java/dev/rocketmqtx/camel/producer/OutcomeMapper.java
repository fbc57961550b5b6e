package dev.rocketmqtx.camel.producer;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;

/**
 * Maps how the local-transaction route ended to a transaction status. The order matters: a failure never commits,
 * even when the route had already set a COMMIT header before it failed.
 *
 * <table>
 * <tr><th>route outcome</th><th>status</th></tr>
 * <tr><td>failed with an exception (including {@code rollback()})</td><td>exceptionStatus</td></tr>
 * <tr><td>marked rollback-only, or a {@code transacted()} boundary of the route rolled back</td><td>ROLLBACK</td></tr>
 * <tr><td>header CamelRocketMQTxStatus set</td><td>that status</td></tr>
 * <tr><td>completed normally</td><td>COMMIT</td></tr>
 * </table>
 */
public final class OutcomeMapper {

    private OutcomeMapper() {
    }

    /**
     * @param boundaryRolledBack whether the outermost {@code transacted()} boundary opened inside the route rolled
     *                           back (Camel clears the exchange's rollback-only-last flag when it ends)
     */
    public static TransactionStatus outcome(Exchange exchange, TransactionStatus exceptionStatus,
                                            boolean boundaryRolledBack) {
        if (exchange.getException() != null) {
            return exceptionStatus;
        }
        if (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast() || boundaryRolledBack) {
            return TransactionStatus.ROLLBACK;
        }
        Object header = exchange.getMessage().getHeader(RocketMQTxConstants.STATUS);
        try {
            TransactionStatus status = TransactionStatus.parse(header);
            return status != null ? status : TransactionStatus.COMMIT;
        } catch (IllegalArgumentException invalid) {
            // A typo in a status must not commit: fail the exchange so the caller sees it.
            exchange.setException(invalid);
            return exceptionStatus;
        }
    }
}
