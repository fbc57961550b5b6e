package dev.rocketmqtx.examples.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.rocketmqtx.camel.TransactionStatus;

/**
 * The outcome of one run, and the check that matters: the orders shipped are exactly the orders saved.
 *
 * @param checkDecisions          how the checks decided the orders that ended UNKNOWN
 * @param checkAnswers            what the producer answered the broker's checks, as it counts them
 * @param duplicatesNotRouted     deliveries of an already shipped transaction that idempotentRepository kept from
 *                                the shipping route
 * @param localTransactionTimeout the age after which a check rolls back a transaction the log does not hold
 */
public record QuickstartReport(Map<String, TransactionStatus> sendOutcomes,
                               Map<String, TransactionStatus> checkDecisions, CheckAnswers checkAnswers,
                               List<String> shipped, long duplicatesNotRouted, Set<String> rows, int fromEarlierRuns,
                               boolean settled, Duration localTransactionTimeout) {

    /** The producer's answers to the broker's checks, by status (the endpoint's CheckCommitCount, ...). */
    public record CheckAnswers(long commit, long rollback, long unknown) {
    }

    /** Orders whose local transaction ended with this status. */
    public List<String> ended(TransactionStatus status) {
        return sendOutcomes.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }

    /** UNKNOWN orders that the check then decided with this status. */
    public List<String> resolvedByCheck(TransactionStatus status) {
        return ended(TransactionStatus.UNKNOWN).stream().filter(id -> checkDecisions.get(id) == status).toList();
    }

    /** The distinct orders shipped. */
    public Set<String> delivered() {
        return new TreeSet<>(shipped);
    }

    public boolean consistent() {
        return settled && delivered().equals(rows);
    }

    public void print(PrintStream out) {
        out.printf("  orders sent                   %2d%n", sendOutcomes.size());
        out.printf("  committed                     %2d%n", ended(TransactionStatus.COMMIT).size());
        out.printf("  rolled back (invalid)         %2d  %s%n", ended(TransactionStatus.ROLLBACK).size(),
                ended(TransactionStatus.ROLLBACK));
        out.printf("  UNKNOWN, resolved by check    %2d%n", ended(TransactionStatus.UNKNOWN).size());
        out.printf("    logged     -> COMMIT        %2d  %s%n", resolvedByCheck(TransactionStatus.COMMIT).size(),
                resolvedByCheck(TransactionStatus.COMMIT));
        out.printf("    not logged -> ROLLBACK      %2d  %s  (once older than %d s)%n",
                resolvedByCheck(TransactionStatus.ROLLBACK).size(), resolvedByCheck(TransactionStatus.ROLLBACK),
                localTransactionTimeout.toSeconds());
        out.printf("  broker checks answered        COMMIT %d, ROLLBACK %d, UNKNOWN %d%n", checkAnswers.commit(),
                checkAnswers.rollback(), checkAnswers.unknown());
        out.printf("  delivered to shipping         %2d%s%n", delivered().size(),
                shipped.size() > delivered().size() ? " (+" + (shipped.size() - delivered().size())
                                                      + " redelivered duplicates)" : "");
        if (duplicatesNotRouted > 0) {
            out.printf("  duplicates kept from shipping %2d  (idempotentRepository)%n", duplicatesNotRouted);
        }
        out.printf("  order rows in the database    %2d%n", rows.size());
        if (fromEarlierRuns > 0) {
            out.printf("  (ignored %d messages of earlier runs)%n", fromEarlierRuns);
        }
        if (consistent()) {
            out.println("Delivered orders == order rows: OK");
            return;
        }
        if (!settled) {
            out.println("NOT SETTLED: gave up waiting before every order was decided and delivered");
        }
        Set<String> notDelivered = new TreeSet<>(rows);
        notDelivered.removeAll(delivered());
        Set<String> withoutRow = delivered();
        withoutRow.removeAll(rows);
        out.println("MISMATCH: saved but not delivered " + notDelivered + ", delivered without a row " + withoutRow);
    }
}
