package dev.rocketmqtx.camel.producer;

import java.util.HashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.CheckDispatcher;
import org.apache.camel.spi.ExecutorServiceManager;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageAccessor;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a transaction whose local transaction answered UNKNOWN a short while later, in this producer, instead of
 * leaving it to the broker, whose first check comes only after its transaction timeout. The check is the user's own
 * (the one the broker's checks reach), so the answer is the same whichever asks; a COMMIT or ROLLBACK ends the
 * transaction as the local transaction would have, an UNKNOWN leaves it to the broker.
 * <p>
 * Nothing here is needed for correctness: a pending early check is dropped when the producer stops, and an end that
 * does not reach the broker is the same one-way END_TRANSACTION the broker's checks already make up for.
 */
final class EarlyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyCheck.class);

    private final ExecutorServiceManager executors;
    private final ScheduledExecutorService scheduler;
    private final HalfMessageReceipts receipts = new HalfMessageReceipts();
    private final TransactionMQProducer client;
    private final long delayMillis;
    private final String topic;
    private final CheckDispatcher checks;
    private final RememberedOutcomes remembered;

    /** Takes the receipts of the client's half messages from now on: call it before the client starts. */
    EarlyCheck(ExecutorServiceManager executors, Object owner, TransactionMQProducer client, long delayMillis,
               String topic, CheckDispatcher checks, RememberedOutcomes remembered) {
        this.executors = executors;
        this.scheduler = executors.newSingleThreadScheduledExecutor(owner, "RocketMQTxEarlyCheck");
        this.client = client;
        this.delayMillis = delayMillis;
        this.topic = topic;
        this.checks = checks;
        this.remembered = remembered;
        client.getDefaultMQProducerImpl().registerSendMessageHook(receipts);
    }

    /** Called in the sending thread once sendMessageInTransaction returned; checks early after an UNKNOWN. */
    void afterSend(Message sent, TransactionStatus status) {
        SendResult receipt = receipts.take();
        if (status != TransactionStatus.UNKNOWN || receipt == null) {
            return;
        }
        try {
            scheduler.schedule(() -> run(sent, receipt), delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Producer stopping: transaction {} is left to the broker's check", sent.getTransactionId());
        }
    }

    /** Drops the pending early checks: their transactions are still checked by the broker. */
    void stop() {
        executors.shutdownNow(scheduler);
    }

    private void run(Message sent, SendResult receipt) {
        // The id the local transaction ran under, the one remembered outcomes and in-flight transactions know.
        String transactionId = sent.getTransactionId();
        TransactionStatus decided = remembered.recall(transactionId);
        if (decided != null && decided.isFinal()) {
            // A broker check came first and was answered: ending it again would commit a second copy.
            LOG.debug("Transaction {} was already ended by a check: no early check", transactionId);
            return;
        }
        try {
            TransactionStatus status = checks.check(asChecked(sent, receipt));
            if (!status.isFinal()) {
                LOG.debug("Early check of transaction {} answered UNKNOWN: the broker's check decides", transactionId);
                return;
            }
            client.getDefaultMQProducerImpl().endTransaction(sent, receipt, status.toLocalTransactionState(), null);
            LOG.debug("Early check of transaction {} ended it with {}", transactionId, status);
        } catch (Exception e) {
            LOG.warn("Early check of transaction {} failed; the broker's check will resolve it: {}", transactionId,
                    e.toString());
        }
    }

    /** The half message as a broker check would present it, so the user's check sees the same headers. */
    private MessageExt asChecked(Message sent, SendResult receipt) {
        MessageExt message = new MessageExt();
        message.setTopic(topic);
        message.setBody(sent.getBody());
        message.setFlag(sent.getFlag());
        MessageAccessor.setProperties(message, new HashMap<>(sent.getProperties()));
        message.setTransactionId(sent.getTransactionId());
        message.setMsgId(receipt.getMsgId());
        message.setQueueOffset(receipt.getQueueOffset());
        MessageQueue queue = receipt.getMessageQueue();
        if (queue != null) {
            message.setQueueId(queue.getQueueId());
            message.setBrokerName(queue.getBrokerName());
        }
        return message;
    }
}
