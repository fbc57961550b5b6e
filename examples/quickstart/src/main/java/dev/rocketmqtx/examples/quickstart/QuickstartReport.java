package dev.rocketmqtx.examples.quickstart;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.rocketmqtx.camel.TransactionStatus;

/** The outcome of one run, and the check that matters: the orders shipped are exactly the orders saved. */
public record QuickstartReport(Map<String, TransactionStatus> sendOutcomes, Map<String, TransactionStatus> checkAnswers,
                               List<String> shipped, Set<String> rows, int fromEarlierRuns, boolean settled) {

    /** Orders whose local transaction ended with this status. */
    public List<String> ended(TransactionStatus status) {
        return sendOutcomes.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey).toList();
    }

    /** UNKNOWN orders that the check then decided with this status. */
    public List<String> resolvedByCheck(TransactionStatus status) {
        return ended(TransactionStatus.UNKNOWN).stream().filter(id -> checkAnswers.get(id) == status).toList();
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
        out.printf("    row found    -> COMMIT      %2d  %s%n", resolvedByCheck(TransactionStatus.COMMIT).size(),
                resolvedByCheck(TransactionStatus.COMMIT));
        out.printf("    no row found -> ROLLBACK    %2d  %s%n", resolvedByCheck(TransactionStatus.ROLLBACK).size(),
                resolvedByCheck(TransactionStatus.ROLLBACK));
        out.printf("  delivered to shipping         %2d%s%n", delivered().size(),
                shipped.size() > delivered().size() ? " (+" + (shipped.size() - delivered().size())
                                                      + " redelivered duplicates)" : "");
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
