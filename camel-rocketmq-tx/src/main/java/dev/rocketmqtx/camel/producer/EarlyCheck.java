package dev.rocketmqtx.camel.producer;

import java.util.HashMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.CheckDispatcher;
import dev.rocketmqtx.camel.transport.HalfMessage;
import dev.rocketmqtx.camel.transport.TransactionTransport;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a transaction whose local transaction answered UNKNOWN a short while later, in this producer, instead of
 * leaving it to the broker, whose first check comes only after its transaction timeout. The check is the user's own
 * (the one the broker's checks reach), so the answer is the same whichever asks; a COMMIT or ROLLBACK ends the
 * transaction as the local transaction would have, an UNKNOWN leaves it to the broker.
 * <p>
 * One decision per transaction: an early check that finds the transaction decided by a broker check in the meantime,
 * or being decided by one now, does nothing (ending it again would commit a second copy). Nothing here is needed for
 * correctness: a pending early check is dropped when the producer stops, and an end that does not reach the broker
 * is made up for by the broker's checks.
 */
final class EarlyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyCheck.class);

    private final ExecutorServiceManager executors;
    private final ScheduledExecutorService scheduler;
    private final TransactionTransport transport;
    private final long delayMillis;
    private final String topic;
    private final CheckDispatcher checks;
    private final TransactionLedger ledger;
    private final TransactionStatistics statistics;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    EarlyCheck(ExecutorServiceManager executors, Object owner, TransactionTransport transport, long delayMillis,
               String topic, CheckDispatcher checks, TransactionLedger ledger, TransactionStatistics statistics) {
        this.executors = executors;
        this.scheduler = executors.newSingleThreadScheduledExecutor(owner, "RocketMQTxEarlyCheck");
        this.transport = transport;
        this.delayMillis = delayMillis;
        this.topic = topic;
        this.checks = checks;
        this.ledger = ledger;
        this.statistics = statistics;
    }

    /** Schedules the early check of a transaction its local transaction left UNKNOWN. */
    void schedule(HalfMessage half) {
        String transactionId = half.transactionId();
        ledger.awaitEarlyCheck(transactionId);
        pending.add(transactionId);
        try {
            scheduler.schedule(() -> run(half), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            drop(transactionId);
            LOG.debug("Producer stopping: transaction {} is left to the broker's check", transactionId);
        }
    }

    /** Drops the pending early checks: their transactions are still checked by the broker. */
    void stop() {
        executors.shutdownNow(scheduler);
        pending.forEach(this::drop);
    }

    private void drop(String transactionId) {
        pending.remove(transactionId);
        ledger.takeEarlyCheck(transactionId);
    }

    private void run(HalfMessage half) {
        String transactionId = half.transactionId();
        pending.remove(transactionId);
        if (!ledger.takeEarlyCheck(transactionId)) {
            statistics.earlyCheckSkipped();
            LOG.debug("Transaction {} was decided by a broker check: no early check", transactionId);
            return;
        }
        if (!ledger.claim(transactionId)) {
            statistics.earlyCheckSkipped();
            LOG.debug("Transaction {} is being decided by a broker check: no early check", transactionId);
            return;
        }
        try {
            TransactionStatus status = checks.askEarly(asChecked(half));
            if (!status.isFinal()) {
                LOG.debug("Early check of transaction {} answered UNKNOWN: the broker's check decides", transactionId);
                return;
            }
            transport.end(half, status);
            LOG.debug("Early check of transaction {} ended it with {}", transactionId, status);
        } catch (Exception e) {
            LOG.warn("Early check of transaction {} failed; the broker's check will resolve it: {}", transactionId,
                    e.toString());
        } finally {
            ledger.release(transactionId);
        }
    }

    /**
     * The half message as a broker check presents it, so the user's check sees the same headers: the properties as
     * sent, the receipt's queue, and the producer's clock around the send as born and store times. A broker check
     * does not name the broker, so neither does this.
     */
    private MessageExt asChecked(HalfMessage half) {
        Message sent = half.sent();
        MessageExt message = new MessageExt();
        message.setTopic(topic);
        message.setBody(sent.getBody());
        message.setFlag(sent.getFlag());
        MessageAccessor.setProperties(message, new HashMap<>(sent.getProperties()));
        message.setTransactionId(half.transactionId());
        message.setMsgId(half.messageId());
        message.setBornTimestamp(half.sentAt());
        message.setStoreTimestamp(half.storedAt());
        message.setQueueOffset(half.queueOffset());
        message.setQueueId(Math.max(half.queueId(), 0));
        return message;
    }
}
