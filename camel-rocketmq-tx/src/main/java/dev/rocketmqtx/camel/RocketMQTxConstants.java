package dev.rocketmqtx.camel;

import org.apache.camel.spi.Metadata;

/**
 * The headers the component reads and writes. All start with {@code CamelRocketMQTx}, so the header filter keeps
 * them out of the message's user properties.
 */
public final class RocketMQTxConstants {

    @Metadata(label = "producer",
              description = "The transaction status. Set it in the local-transaction route or the check to decide the"
                            + " outcome (COMMIT, ROLLBACK or UNKNOWN; RocketMQ's names are accepted too). After the"
                            + " producer it holds the status the transaction ended with.",
              javaType = "dev.rocketmqtx.camel.TransactionStatus")
    public static final String STATUS = "CamelRocketMQTxStatus";
    @Metadata(description = "The transaction id: RocketMQ's client-side unique message id, identical in the local"
                            + " transaction, the check and on the consumer. The natural key for idempotency.",
              javaType = "String")
    public static final String TRANSACTION_ID = "CamelRocketMQTxTransactionId";
    @Metadata(description = "The message id (RocketMQ's unique client id of the message).", javaType = "String")
    public static final String MESSAGE_ID = "CamelRocketMQTxMessageId";
    @Metadata(description = "The message tag. On the producer it overrides the endpoint's tags option.",
              javaType = "String")
    public static final String TAGS = "CamelRocketMQTxTags";
    @Metadata(description = "The message keys, separated by spaces (or a Collection of keys on the producer).",
              javaType = "String")
    public static final String KEYS = "CamelRocketMQTxKeys";
    @Metadata(label = "producer", description = "Per-message override of the checkImmunityTime option, in seconds.",
              javaType = "Integer")
    public static final String CHECK_IMMUNITY_TIME = "CamelRocketMQTxCheckImmunityTime";
    @Metadata(label = "producer", description = "The broker's answer to the half message (e.g. SEND_OK).",
              javaType = "String")
    public static final String SEND_STATUS = "CamelRocketMQTxSendStatus";
    @Metadata(description = "The queue id the message was stored in.", javaType = "Integer")
    public static final String QUEUE_ID = "CamelRocketMQTxQueueId";
    @Metadata(description = "The offset of the message in its queue.", javaType = "Long")
    public static final String QUEUE_OFFSET = "CamelRocketMQTxQueueOffset";
    @Metadata(description = "The name of the broker that stored the message.", javaType = "String")
    public static final String BROKER_NAME = "CamelRocketMQTxBrokerName";
    @Metadata(label = "producer",
              description = "In a check: how many times the broker has checked this transaction so far.",
              javaType = "Integer")
    public static final String CHECK_TIMES = "CamelRocketMQTxCheckTimes";
    @Metadata(label = "producer",
              description = "In a check: how old the half message is, in milliseconds (now minus its born time)."
                            + " A check may answer ROLLBACK for a transaction it finds no trace of only once this is"
                            + " longer than the longest local transaction can run on any instance of the group.",
              javaType = "Long")
    public static final String HALF_MESSAGE_AGE = "CamelRocketMQTxHalfMessageAge";
    @Metadata(description = "The topic of the message (without namespace).", javaType = "String")
    public static final String TOPIC = "CamelRocketMQTxTopic";
    @Metadata(label = "consumer", description = "How many times this message was redelivered.",
              javaType = "Integer")
    public static final String RECONSUME_TIMES = "CamelRocketMQTxReconsumeTimes";
    @Metadata(description = "When the producer created the message (epoch millis, the producer's clock); in a check,"
                            + " the half message's born time.",
              javaType = "Long")
    public static final String BORN_TIMESTAMP = "CamelRocketMQTxBornTimestamp";
    @Metadata(label = "consumer", description = "When the broker stored the message (epoch millis).",
              javaType = "Long")
    public static final String STORE_TIMESTAMP = "CamelRocketMQTxStoreTimestamp";

    /** Prefix of every header above; the header filter strategy drops all headers with it from user properties. */
    public static final String HEADER_PREFIX = "CamelRocketMQTx";

    private RocketMQTxConstants() {
    }
}
