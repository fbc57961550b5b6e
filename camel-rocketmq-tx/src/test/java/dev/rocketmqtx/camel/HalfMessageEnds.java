package dev.rocketmqtx.camel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.store.GetMessageResult;
import org.apache.rocketmq.store.MessageStore;
import org.apache.rocketmq.store.exception.ConsumeQueueException;

/**
 * Reads the broker's own record that a transaction ended: when a COMMIT or ROLLBACK reaches it, the broker appends
 * an operation message, whose body names the half message's queue offset, to its internal op topic. Lets a test
 * prove that the producer's end reached the broker, whatever the consumer sees.
 */
final class HalfMessageEnds {

    private HalfMessageEnds() {
    }

    /**
     * The store time of the broker's end record of the half message at {@code halfQueueOffset} (the producer's
     * CamelRocketMQTxQueueOffset header), or -1 when the broker has none yet.
     */
    static long recordedAt(EmbeddedRocketMQ broker, long halfQueueOffset) throws ConsumeQueueException {
        String offset = Long.toString(halfQueueOffset);
        MessageStore store = broker.broker().getMessageStore();
        long next = 0;
        // The store hands out a few dozen messages per read: read the whole op queue, batch after batch.
        while (next < store.getMaxOffsetInQueue(TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC, 0)) {
            GetMessageResult result = store.getMessage("rocketmq-tx-test-op-reader",
                    TopicValidator.RMQ_SYS_TRANS_OP_HALF_TOPIC, 0, next, 1000, null);
            if (result == null || result.getMessageBufferList() == null || result.getMessageBufferList().isEmpty()) {
                return -1;
            }
            try {
                for (ByteBuffer buffer : result.getMessageBufferList()) {
                    MessageExt op = MessageDecoder.decode(buffer, true, false);
                    String body = op == null || op.getBody() == null
                            ? "" : new String(op.getBody(), StandardCharsets.UTF_8);
                    if (Arrays.asList(body.split(",")).contains(offset)) {
                        return op.getStoreTimestamp();
                    }
                }
                next = result.getNextBeginOffset();
            } finally {
                result.release();
            }
        }
        return -1;
    }
}
