package dev.rocketmqtx.camel.producer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Transactions whose local transaction is running in this JVM right now. A check for one of them must answer
 * UNKNOWN: the outcome is not decided yet, and the user's check would see uncommitted state and might roll back a
 * transaction that is about to commit.
 */
public final class InFlightTransactions {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public void started(String transactionId) {
        running.add(transactionId);
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
