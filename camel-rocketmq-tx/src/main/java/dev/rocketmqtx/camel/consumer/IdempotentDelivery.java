package dev.rocketmqtx.camel.consumer;

import java.util.function.Predicate;

import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.support.MessageMapper;
import dev.rocketmqtx.camel.transaction.TransactionBoundary;
import dev.rocketmqtx.camel.transaction.TransactionBoundary.Result;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes each transaction at most once: a delivery whose transaction id is already in the repository is acknowledged
 * without routing. Duplicates come from redelivery and from the broker itself, which may commit a checked copy of a
 * half message as well as the original.
 * <p>
 * With a repository that writes in the route's database transaction, the key is added first, in one transaction
 * with the route's work: both commit or neither does, and a concurrent delivery of the same transaction waits on the
 * key. A crash between the commit and the acknowledgement leads to a redelivery that finds the key. Otherwise the key
 * is added once the route succeeded; a crash between the two may let the transaction through a second time.
 */
final class IdempotentDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotentDelivery.class);

    private final IdempotentRepository repository;
    private final TransactionBoundary boundary;
    private final TransactionStatistics statistics;

    /** @param boundary the route's database transaction when the repository writes in it, else null */
    IdempotentDelivery(IdempotentRepository repository, TransactionBoundary boundary,
                       TransactionStatistics statistics) {
        this.repository = repository;
        this.boundary = boundary;
        this.statistics = statistics;
    }

    /**
     * @param route routes the message; true when its exchange succeeded
     * @return whether to acknowledge the message
     */
    boolean deliver(MessageExt message, Predicate<MessageExt> route) {
        String key = MessageMapper.transactionIdOf(message);
        return boundary != null ? inOneTransaction(message, key, route) : afterSuccess(message, key, route);
    }

    private boolean inOneTransaction(MessageExt message, String key, Predicate<MessageExt> route) {
        Result<Boolean> result = boundary.run(rollbackOnly -> {
            if (!repository.add(key)) {
                rollbackOnly.run();
                return null;
            }
            boolean succeeded = route.test(message);
            if (!succeeded) {
                rollbackOnly.run();
            }
            return succeeded;
        });
        if (result.ending() != TransactionBoundary.Ending.COMMITTED && result.value() == null
            && result.failure() == null) {
            duplicate(message, key);
            return true;
        }
        if (result.failure() != null) {
            LOG.warn("Delivery of transaction {} from topic {} rolled back ({}); it will be redelivered", key,
                    message.getTopic(), result.failure().toString());
        }
        // A commit that failed may have committed: the redelivery then finds the key.
        return result.ending() == TransactionBoundary.Ending.COMMITTED && Boolean.TRUE.equals(result.value());
    }

    private boolean afterSuccess(MessageExt message, String key, Predicate<MessageExt> route) {
        if (repository.contains(key)) {
            duplicate(message, key);
            return true;
        }
        boolean succeeded = route.test(message);
        if (succeeded) {
            try {
                repository.add(key);
            } catch (RuntimeException e) {
                LOG.warn("Transaction {} was consumed, but could not be added to the idempotent repository; a"
                         + " duplicate of it would be routed again: {}", key, e.toString());
            }
        }
        return succeeded;
    }

    private void duplicate(MessageExt message, String key) {
        statistics.consumedDuplicate();
        LOG.debug("Transaction {} from topic {} was consumed before: acknowledged without routing", key,
                message.getTopic());
    }
}
