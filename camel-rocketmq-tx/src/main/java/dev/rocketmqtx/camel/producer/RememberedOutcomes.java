package dev.rocketmqtx.camel.producer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.rocketmqtx.camel.TransactionStatus;

/**
 * The last outcomes of transactions decided in this JVM, bounded. Used to answer a check when the one-way
 * END_TRANSACTION was lost. Memory only: after a restart the user's check must decide, which is why it exists.
 * <p>
 * Every transaction passes through here, from every sending thread, so it takes no lock: a concurrent map holds the
 * outcomes and a ring of the last ids, written in turn, says which one to forget when a new one comes.
 */
public final class RememberedOutcomes {

    private final Map<String, TransactionStatus> outcomes = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();
    private volatile AtomicReferenceArray<String> ring;

    public RememberedOutcomes(int capacity) {
        this.ring = new AtomicReferenceArray<>(Math.max(capacity, 0));
    }

    /** Grows the bound to at least {@code capacity}; endpoints that share a scope share one memory. */
    public synchronized void ensureCapacity(int capacity) {
        AtomicReferenceArray<String> current = ring;
        if (capacity > current.length()) {
            // Rare (a route starting): the ids remembered so far are kept, the ring starts over at the larger size.
            AtomicReferenceArray<String> larger = new AtomicReferenceArray<>(capacity);
            int next = 0;
            for (int i = 0; i < current.length(); i++) {
                String id = current.get(i);
                if (id != null) {
                    larger.set(next++, id);
                }
            }
            written.set(next);
            ring = larger;
        }
    }

    public void remember(String transactionId, TransactionStatus status) {
        AtomicReferenceArray<String> current = ring;
        if (current.length() == 0 || transactionId == null) {
            return;
        }
        if (outcomes.put(transactionId, status) == null) {
            int slot = (int) (written.getAndIncrement() % current.length());
            String forgotten = current.getAndSet(slot, transactionId);
            if (forgotten != null) {
                outcomes.remove(forgotten);
            }
        }
    }

    /** The remembered status, or {@code null} when this JVM did not decide the transaction or forgot it. */
    public TransactionStatus recall(String transactionId) {
        return transactionId == null ? null : outcomes.get(transactionId);
    }

    public int size() {
        return outcomes.size();
    }
}
