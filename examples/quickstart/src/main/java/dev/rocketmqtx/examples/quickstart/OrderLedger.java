package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.TransactionStatus;

/** What the demo saw happen to its orders: how each send ended and what was shipped. */
public class OrderLedger {

    private final String runId;
    private final Map<String, TransactionStatus> sendOutcomes = new LinkedHashMap<>();
    private final List<String> shipped = new CopyOnWriteArrayList<>();
    private final AtomicInteger fromEarlierRuns = new AtomicInteger();
    private volatile long lastSendNanos;

    public OrderLedger(String runId) {
        this.runId = runId;
    }

    public String runId() {
        return runId;
    }

    public synchronized void sent(String orderId, TransactionStatus outcome) {
        sendOutcomes.put(orderId, outcome);
        lastSendNanos = System.nanoTime();
    }

    public void shipped(String orderId, String messageRunId) {
        if (runId.equals(messageRunId)) {
            shipped.add(orderId);
        } else {
            fromEarlierRuns.incrementAndGet();
        }
    }

    public synchronized Map<String, TransactionStatus> sendOutcomes() {
        return new LinkedHashMap<>(sendOutcomes);
    }

    public List<String> shipped() {
        return List.copyOf(shipped);
    }

    public int fromEarlierRuns() {
        return fromEarlierRuns.get();
    }

    /**
     * How the checks decided the orders that ended UNKNOWN, as far as the demo can see without check code of its own:
     * a shipped one was committed; the others were rolled back once the producer has counted as many ROLLBACK
     * answers to checks (before that they are missing from the map: still undecided).
     */
    public Map<String, TransactionStatus> checkDecisions(long checkRollbacks) {
        Map<String, TransactionStatus> decisions = new LinkedHashMap<>();
        List<String> notShipped = new ArrayList<>();
        sendOutcomes().forEach((orderId, outcome) -> {
            if (outcome == TransactionStatus.UNKNOWN) {
                if (shipped.contains(orderId)) {
                    decisions.put(orderId, TransactionStatus.COMMIT);
                } else {
                    notShipped.add(orderId);
                }
            }
        });
        if (!notShipped.isEmpty() && checkRollbacks >= notShipped.size()) {
            notShipped.forEach(orderId -> decisions.put(orderId, TransactionStatus.ROLLBACK));
        }
        return decisions;
    }

    /**
     * Every order that should ship has shipped, every UNKNOWN order has been decided by a check, and the check window
     * has passed since the last send, so a rolled-back order that were to arrive would have arrived by now.
     */
    public boolean settled(Duration checkWindow, long checkRollbacks) {
        return waitingFor(checkRollbacks).isEmpty() && System.nanoTime() - lastSendNanos >= checkWindow.toNanos();
    }

    /** Orders still awaited, with what they wait for; empty when nothing is pending. */
    public List<String> waitingFor(long checkRollbacks) {
        Map<String, TransactionStatus> checkDecisions = checkDecisions(checkRollbacks);
        List<String> pending = new ArrayList<>();
        sendOutcomes().forEach((orderId, outcome) -> {
            if (outcome == TransactionStatus.UNKNOWN && !checkDecisions.containsKey(orderId)) {
                pending.add(orderId + " (check)");
            } else if (outcome == TransactionStatus.COMMIT && !shipped.contains(orderId)) {
                pending.add(orderId + " (delivery)");
            }
        });
        return pending;
    }
}
