package dev.rocketmqtx.camel.producer;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.rocketmqtx.camel.TransactionStatus;

/**
 * The last outcomes of transactions decided in this JVM, bounded. Used to answer a check when the one-way
 * END_TRANSACTION was lost. Memory only: after a restart the user's check must decide, which is why it exists.
 */
public final class RememberedOutcomes {

    private final Map<String, TransactionStatus> outcomes;
    private volatile int capacity;

    public RememberedOutcomes(int capacity) {
        this.capacity = capacity;
        this.outcomes = new LinkedHashMap<>(Math.min(Math.max(capacity, 16), 1024), 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, TransactionStatus> eldest) {
                return size() > RememberedOutcomes.this.capacity;
            }
        };
    }

    /** Grows the bound to at least {@code capacity}; endpoints that share a producer group share one memory. */
    public void ensureCapacity(int capacity) {
        synchronized (outcomes) {
            this.capacity = Math.max(this.capacity, capacity);
        }
    }

    public void remember(String transactionId, TransactionStatus status) {
        if (capacity > 0 && transactionId != null) {
            synchronized (outcomes) {
                outcomes.put(transactionId, status);
            }
        }
    }

    /** The remembered status, or {@code null} when this JVM did not decide the transaction or forgot it. */
    public TransactionStatus recall(String transactionId) {
        if (capacity <= 0 || transactionId == null) {
            return null;
        }
        synchronized (outcomes) {
            return outcomes.get(transactionId);
        }
    }

    public int size() {
        synchronized (outcomes) {
            return outcomes.size();
        }
    }
}
