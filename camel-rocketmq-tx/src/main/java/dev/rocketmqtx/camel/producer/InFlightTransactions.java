package dev.rocketmqtx.camel.producer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transactions that a thread of this JVM is deciding or ending right now: a local transaction that runs or whose end
 * is being sent, or a check that is asking the user's check. A broker check of one of them must answer UNKNOWN: the
 * outcome is not decided yet (the user's check would see uncommitted state and might roll back a transaction that is
 * about to commit), or its end is on its way (answering COMMIT again would commit a second copy).
 */
public final class InFlightTransactions {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** @return false when another thread already holds the transaction */
    public boolean started(String transactionId) {
        return running.add(transactionId);
    }

    public void finished(String transactionId) {
        running.remove(transactionId);
    }

    public boolean isRunning(String transactionId) {
        return running.contains(transactionId);
    }

    public int size() {
        return running.size();
    }
}
