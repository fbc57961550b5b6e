package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.TransactionStatus;

/** What the demo saw happen to its orders: how each send ended, what the checks answered, what was shipped. */
public class OrderLedger {

    private final String runId;
    private final Map<String, TransactionStatus> sendOutcomes = new LinkedHashMap<>();
    private final Map<String, TransactionStatus> checkAnswers = new ConcurrentHashMap<>();
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

    /** Keeps the first final answer per order: the broker stops asking once it has one. */
    public void checked(String orderId, String messageRunId, TransactionStatus answer) {
        if (runId.equals(messageRunId)) {
            checkAnswers.putIfAbsent(orderId, answer);
        }
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

    public Map<String, TransactionStatus> checkAnswers() {
        return Map.copyOf(checkAnswers);
    }

    public List<String> shipped() {
        return List.copyOf(shipped);
    }

    public int fromEarlierRuns() {
        return fromEarlierRuns.get();
    }

    /**
     * Every order that should ship has shipped, every UNKNOWN order has been decided by a check, and the check window
     * has passed since the last send, so a rolled-back order that were to arrive would have arrived by now.
     */
    public boolean settled(Duration checkWindow) {
        return waitingFor().isEmpty() && System.nanoTime() - lastSendNanos >= checkWindow.toNanos();
    }

    /** Orders still awaited, with what they wait for; empty when nothing is pending. */
    public List<String> waitingFor() {
        List<String> pending = new ArrayList<>();
        sendOutcomes().forEach((orderId, outcome) -> {
            TransactionStatus decided = outcome == TransactionStatus.UNKNOWN ? checkAnswers.get(orderId) : outcome;
            if (decided == null) {
                pending.add(orderId + " (check)");
            } else if (decided == TransactionStatus.COMMIT && !shipped.contains(orderId)) {
                pending.add(orderId + " (delivery)");
            }
        });
        return pending;
    }
}
