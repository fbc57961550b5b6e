package dev.rocketmqtx.camel.reliability;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.store.GetMessageResult;
import org.apache.rocketmq.store.MessageStore;
import org.apache.rocketmq.store.exception.ConsumeQueueException;

/**
 * The broker's own records of a transaction, read from its store: the half message (with the copies that check rounds
 * appended) and the operation record that the broker writes when a COMMIT or ROLLBACK reaches it. They tell what the
 * broker saw, and when, whatever the producer or the consumer believe.
 */
final class BrokerRecords {

    private static final String READER_GROUP = "reliability-test-store-reader";

    /** The half message of one transaction: its born time (producer clock) and the queue offsets of its copies. */
    record HalfMessage(long bornTimestamp, Set<Long> queueOffsets) {
    }

    private final MessageStore store;

    BrokerRecords(EmbeddedRocketMQ broker) {
        this.store = broker.broker().getMessageStore();
    }

    /** The half message of {@code transactionId}, or null when the broker holds none. */
    HalfMessage halfMessage(String transactionId) {
        Set<Long> offsets = new TreeSet<>();
        long[] born = {-1};
        scan(TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC, message -> {
            if (transactionId.equals(message.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX))) {
                offsets.add(message.getQueueOffset());
                born[0] = message.getBornTimestamp();
            }
        });
        return offsets.isEmpty() ? null : new HalfMessage(born[0], offsets);
    }

    /**
     * When the broker stored the first end record (COMMIT or ROLLBACK) of the half message (any of its copies): its
     * store time, or -1 when no end reached the broker yet.
     */
    long endRecordedAt(HalfMessage half) {
        List<Long> times = new ArrayList<>();
        scan(TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC, op -> {
            String body = op.getBody() == null ? "" : new String(op.getBody(), StandardCharsets.UTF_8);
            if (Arrays.stream(body.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .anyMatch(offset -> half.queueOffsets().contains(Long.parseLong(offset)))) {
                times.add(op.getStoreTimestamp());
            }
        });
        return times.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private long maxOffset(String topic) {
        try {
            return store.getMaxOffsetInQueue(topic, 0);
        } catch (ConsumeQueueException e) {
            throw new IllegalStateException("Cannot read the queue of " + topic, e);
        }
    }

    /** Every message of the system topic's only queue, oldest first. */
    private void scan(String topic, Consumer<MessageExt> visitor) {
        long offset = store.getMinOffsetInQueue(topic, 0);
        while (offset < maxOffset(topic)) {
            GetMessageResult result = store.getMessage(READER_GROUP, topic, 0, offset, 1000, null);
            if (result == null || result.getMessageBufferList() == null || result.getMessageBufferList().isEmpty()) {
                return;
            }
            try {
                for (ByteBuffer buffer : result.getMessageBufferList()) {
                    MessageExt message = MessageDecoder.decode(buffer, true, false);
                    if (message != null) {
                        visitor.accept(message);
                    }
                }
            } finally {
                result.release();
            }
            offset = result.getNextBeginOffset();
        }
    }
}
