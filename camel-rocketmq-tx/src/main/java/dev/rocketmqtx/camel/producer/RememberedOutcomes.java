package dev.rocketmqtx.camel.producer;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.rocketmqtx.camel.TransactionStatus;

/**
 * The last outcomes of transactions decided in this JVM, bounded. Used to answer a check when the one-way
 * END_TRANSACTION was lost. Memory only: after a restart the user's check must decide, which is why it exists.
 * <p>
 * Every transaction is remembered, from every sending thread, but hardly any is ever recalled (only a check of a
 * transaction whose end was lost asks). So remembering is made cheap and recalling pays: an outcome is written into the
 * next slot of a ring, overwriting the oldest, with no lock and no map to keep; a recall scans the ring's hash codes
 * from the newest (int arrays, a chunk at a time: about 5 us for the default 10,000) and compares ids only where a hash
 * matches. The newest outcome of a transaction wins, so a later decision (a check's COMMIT after the local
 * transaction's UNKNOWN) replaces an earlier one.
 */
public final class RememberedOutcomes {

    private volatile Ring ring;

    public RememberedOutcomes(int capacity) {
        this.ring = new Ring(Math.max(capacity, 0), null);
    }

    /**
     * Grows the bound to at least {@code capacity}; endpoints that share a scope share one memory. Rare (a route
     * starting): the new ring starts empty and keeps the old ones to recall from, so that nothing remembered before
     * is forgotten early, and an outcome a sending thread writes into the old ring while the new one is published is
     * not lost. Each ring is larger than the one before, so there are only as many as distinct bounds were asked for.
     */
    public synchronized void ensureCapacity(int capacity) {
        Ring current = ring;
        if (capacity > current.capacity()) {
            ring = new Ring(capacity, current);
        }
    }

    public void remember(String transactionId, TransactionStatus status) {
        if (transactionId != null) {
            ring.write(new Outcome(transactionId, status));
        }
    }

    /** The remembered status, or {@code null} when this JVM did not decide the transaction or forgot it. */
    public TransactionStatus recall(String transactionId) {
        if (transactionId == null) {
            return null;
        }
        for (Ring r = ring; r != null; r = r.previous) {
            TransactionStatus status = r.find(transactionId);
            if (status != null) {
                return status;
            }
        }
        return null;
    }

    /** How many outcomes are remembered (a transaction decided twice counts twice). */
    public int size() {
        int size = 0;
        for (Ring r = ring; r != null; r = r.previous) {
            size += r.size();
        }
        return size;
    }

    private record Outcome(String transactionId, TransactionStatus status) {
    }

    /**
     * A fixed number of slots, written in turn. The slots come in chunks allocated when first written, so that a
     * producer that sends little does not hold the whole bound from its start.
     */
    private static final class Ring {

        private static final int CHUNK_BITS = 10;
        private static final int CHUNK_SIZE = 1 << CHUNK_BITS;

        private final int capacity;
        private final AtomicReferenceArray<Chunk> chunks;
        private final AtomicLong written = new AtomicLong();
        private final Ring previous;

        Ring(int capacity, Ring previous) {
            this.capacity = capacity;
            this.chunks = new AtomicReferenceArray<>((capacity + CHUNK_SIZE - 1) >>> CHUNK_BITS);
            this.previous = previous;
        }

        int capacity() {
            return capacity;
        }

        void write(Outcome outcome) {
            if (capacity == 0) {
                return;
            }
            int slot = (int) (written.getAndIncrement() % capacity);
            chunkFor(slot).write(slot & (CHUNK_SIZE - 1), outcome);
        }

        private Chunk chunkFor(int slot) {
            int index = slot >>> CHUNK_BITS;
            Chunk chunk = chunks.getAcquire(index);
            if (chunk == null) {
                Chunk created = new Chunk(Math.min(CHUNK_SIZE, capacity - (index << CHUNK_BITS)));
                chunk = chunks.compareAndExchange(index, null, created);
                if (chunk == null) {
                    chunk = created;
                }
            }
            return chunk;
        }

        /** Scans from the newest slot backwards, a chunk at a time. */
        TransactionStatus find(String transactionId) {
            long count = written.get();
            if (capacity == 0 || count == 0) {
                return null;
            }
            int hash = transactionId.hashCode();
            int slot = (int) ((count - 1) % capacity);
            int remaining = (int) Math.min(count, capacity);
            while (remaining > 0) {
                int offset = slot & (CHUNK_SIZE - 1);
                int run = Math.min(remaining, offset + 1);
                Chunk chunk = chunks.getAcquire(slot >>> CHUNK_BITS);
                TransactionStatus status = chunk == null ? null : chunk.find(offset, run, hash, transactionId);
                if (status != null) {
                    return status;
                }
                remaining -= run;
                slot -= run;
                if (slot < 0) {
                    slot += capacity;
                }
            }
            return null;
        }

        int size() {
            return (int) Math.min(written.get(), capacity);
        }
    }

    private static final class Chunk {

        private final AtomicReferenceArray<Outcome> outcomes;
        // The hash code of each slot's id, written after the slot: a reader that sees a hash sees its outcome.
        private final AtomicIntegerArray hashes;

        Chunk(int size) {
            this.outcomes = new AtomicReferenceArray<>(size);
            this.hashes = new AtomicIntegerArray(size);
        }

        void write(int slot, Outcome outcome) {
            outcomes.setRelease(slot, outcome);
            hashes.setRelease(slot, outcome.transactionId().hashCode());
        }

        /** The newest outcome of the id among the {@code run} slots ending at {@code from}, going down. */
        TransactionStatus find(int from, int run, int hash, String transactionId) {
            for (int slot = from; slot > from - run; slot--) {
                if (hashes.getAcquire(slot) == hash) {
                    Outcome outcome = outcomes.getAcquire(slot);
                    if (outcome != null && outcome.transactionId().equals(transactionId)) {
                        return outcome.status();
                    }
                }
            }
            return null;
        }
    }
}
