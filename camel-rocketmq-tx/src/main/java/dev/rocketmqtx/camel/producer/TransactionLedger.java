package dev.rocketmqtx.camel.producer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.rocketmqtx.camel.TransactionStatus;

/**
 * What this JVM knows of the transactions of one transaction scope (a producer group on the remoting protocol, a
 * topic through a RocketMQ 5 proxy): the broker may send the check of any of them to any producer of the scope in
 * this JVM, so every endpoint of the scope shares one ledger.
 * <ul>
 * <li><b>in flight</b>: a thread is deciding or ending the transaction now; checks answer UNKNOWN;</li>
 * <li><b>remembered</b>: how the transaction was decided here (bounded memory);</li>
 * <li><b>awaiting an early check</b>: the producer will check it itself unless a broker check decides it first.</li>
 * </ul>
 * One decision per transaction: whoever {@linkplain #claim claims} a transaction decides and ends it; a claim
 * fails while another thread holds it.
 */
public final class TransactionLedger {

    private final InFlightTransactions inFlight = new InFlightTransactions();
    private final RememberedOutcomes remembered;
    private final Set<String> awaitingEarlyCheck = ConcurrentHashMap.newKeySet();

    public TransactionLedger(int rememberedOutcomes) {
        this.remembered = new RememberedOutcomes(rememberedOutcomes);
    }

    /** Takes the transaction for this thread until {@link #release}; false when another thread has it. */
    public boolean claim(String transactionId) {
        return inFlight.started(transactionId);
    }

    public void release(String transactionId) {
        inFlight.finished(transactionId);
    }

    public boolean isInFlight(String transactionId) {
        return inFlight.isRunning(transactionId);
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    /** Records how the transaction was decided; a final decision also cancels a pending early check. */
    public void decided(String transactionId, TransactionStatus status) {
        remembered.remember(transactionId, status);
        if (status.isFinal()) {
            awaitingEarlyCheck.remove(transactionId);
        }
    }

    /** The remembered decision, or null. */
    public TransactionStatus recall(String transactionId) {
        return remembered.recall(transactionId);
    }

    public int rememberedCount() {
        return remembered.size();
    }

    public void ensureRememberedCapacity(int capacity) {
        remembered.ensureCapacity(capacity);
    }

    /** The producer will check this transaction itself later (earlyCheckDelay). */
    public void awaitEarlyCheck(String transactionId) {
        awaitingEarlyCheck.add(transactionId);
    }

    /**
     * True, once, when the early check of the transaction may still decide it; false when a check decided it in the
     * meantime (ending it again would commit a second copy) or the early check was dropped.
     */
    public boolean takeEarlyCheck(String transactionId) {
        return awaitingEarlyCheck.remove(transactionId);
    }
}
