package dev.rocketmqtx.camel;

import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;
import org.apache.camel.spi.UriPath;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.NamespaceUtil;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * Options of the rocketmq-tx component and its endpoints. One instance per endpoint, copied from the component's.
 */
@UriParams
public class RocketMQTxConfiguration implements Cloneable {

    /** Default cap on a message body, the broker's own default (4 MiB). */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

    // ---- common ----

    @UriPath(label = "common", description = "The topic the transactional messages go to and are consumed from.")
    @Metadata(required = true)
    private String topic;
    @UriParam(label = "common")
    private String namesrvAddr;
    @UriParam(label = "common")
    private String endpoints;
    @UriParam(label = "common")
    private String namespace;
    @UriParam(label = "security", secret = true)
    private String accessKey;
    @UriParam(label = "security", secret = true)
    private String secretKey;
    @UriParam(label = "security", defaultValue = "false")
    private boolean useTls;
    @UriParam(label = "advanced")
    private HeaderFilterStrategy headerFilterStrategy;

    // ---- producer ----

    @UriParam(label = "producer")
    private String producerGroup;
    @UriParam(label = "producer")
    private String localTransaction;
    @UriParam(label = "producer")
    private Processor localTransactionProcessor;
    @UriParam(label = "producer")
    private Processor checkProcessor;
    @UriParam(label = "producer")
    private String checkUri;
    @UriParam(label = "producer", defaultValue = "ROLLBACK", enums = "ROLLBACK,UNKNOWN")
    private TransactionStatus exceptionStatus = TransactionStatus.ROLLBACK;
    @UriParam(label = "producer", defaultValue = "")
    private String tags = "";
    @UriParam(label = "producer", defaultValue = "3000", javaType = "int")
    private int sendMsgTimeout = 3000;
    @UriParam(label = "producer", defaultValue = "2")
    private int retryTimesWhenSendFailed = 2;
    @UriParam(label = "producer", defaultValue = "0")
    private int checkImmunityTime;
    @UriParam(label = "producer", defaultValue = "" + DEFAULT_MAX_MESSAGE_SIZE)
    private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
    @UriParam(label = "producer,advanced", defaultValue = "10000")
    private int rememberedOutcomes = 10000;
    @UriParam(label = "producer,advanced", defaultValue = "0")
    private int earlyCheckDelay;
    @UriParam(label = "producer")
    private IdempotentRepository transactionLog;
    @UriParam(label = "producer", defaultValue = "60000", javaType = "java.time.Duration")
    private long localTransactionTimeout = 60000;
    @UriParam(label = "advanced")
    private TransactedPolicy transactedPolicy;

    // ---- consumer ----

    @UriParam(label = "consumer")
    private String consumerGroup;
    @UriParam(label = "consumer", defaultValue = "*")
    private String subscribeTags = "*";
    @UriParam(label = "consumer")
    private String subscribeSql;
    @UriParam(label = "consumer", defaultValue = "CLUSTERING")
    private MessageModel messageModel = MessageModel.CLUSTERING;
    @UriParam(label = "consumer", defaultValue = "20")
    private int consumeThreadMin = 20;
    @UriParam(label = "consumer", defaultValue = "20")
    private int consumeThreadMax = 20;
    @UriParam(label = "consumer", defaultValue = "-1")
    private int maxReconsumeTimes = -1;
    @UriParam(label = "consumer", defaultValue = "CONSUME_FROM_LAST_OFFSET")
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    @UriParam(label = "consumer,advanced", defaultValue = "1")
    private int consumeMessageBatchMaxSize = 1;
    @UriParam(label = "consumer")
    private IdempotentRepository idempotentRepository;

    public RocketMQTxConfiguration copy() {
        try {
            return (RocketMQTxConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new RuntimeCamelException(e);
        }
    }

    public String getTopic() {
        return topic;
    }

    /** The topic the transactional messages go to and are consumed from. */
    public void setTopic(String topic) {
        this.topic = topic;
    }

    /** The topic as the brokers know it: with the namespace prefix, when a namespace is set. */
    public String topicWithNamespace() {
        return NamespaceUtil.wrapNamespace(namespace, topic);
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    /**
     * Name server address(es), host:port, several separated by ;. Selects RocketMQ's classic remoting protocol.
     * Exactly one of namesrvAddr and endpoints is required.
     */
    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public String getEndpoints() {
        return endpoints;
    }

    /**
     * RocketMQ 5 proxy endpoint(s), host:port, several separated by ; (IP addresses only when several). Selects the
     * RocketMQ 5 gRPC protocol, which needs org.apache.rocketmq:rocketmq-client-java on the classpath. Exactly one of
     * namesrvAddr and endpoints is required.
     */
    public void setEndpoints(String endpoints) {
        this.endpoints = endpoints;
    }

    /** Whether this endpoint talks to RocketMQ 5 proxies over gRPC (endpoints) rather than to name servers. */
    public boolean isGrpc() {
        return endpoints != null && !endpoints.isBlank();
    }

    public String getNamespace() {
        return namespace;
    }

    /**
     * Namespace (instance id) of a managed RocketMQ service. Applied to every client the component creates, so topic
     * and group names are written without it.
     */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getAccessKey() {
        return accessKey;
    }

    /** Access key for a broker with ACL enabled; used by the producer, the consumer and every other client. */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** Secret key that goes with the access key. Never logged. */
    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public boolean isUseTls() {
        return useTls;
    }

    /**
     * Connect over TLS: to the name server and brokers (namesrvAddr), or to the proxies (endpoints). Required by
     * servers that enforce TLS.
     */
    public void setUseTls(boolean useTls) {
        this.useTls = useTls;
    }

    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    /**
     * Decides which Camel headers become message user properties and which user properties become headers. The
     * default passes everything except Camel's own headers.
     */
    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    /**
     * The producer group. Required on a producer with namesrvAddr. The broker sends its checks to any live producer of
     * this group, so every instance of the application uses the same group. Several endpoints of a JVM may share a
     * group (they share one client: accessKey, secretKey, useTls and retryTimesWhenSendFailed must then be equal, and
     * endpoints of one topic must use the same check). Refused with endpoints: a RocketMQ 5 proxy has no producer
     * groups and sends the checks of a topic to any gRPC producer of the topic.
     */
    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public String getLocalTransaction() {
        return localTransaction;
    }

    /**
     * Endpoint URI of the route that is the local transaction (for example direct:saveOrder). A producer needs it or
     * localTransactionProcessor. It runs after the broker stored the half message, in the caller's thread and on the
     * caller's exchange; its outcome decides COMMIT or ROLLBACK.
     */
    public void setLocalTransaction(String localTransaction) {
        this.localTransaction = blankAsNone(localTransaction);
    }

    public Processor getLocalTransactionProcessor() {
        return localTransactionProcessor;
    }

    /**
     * Processor that is the local transaction, the in-place form of localTransaction: called after the broker stored
     * the half message, in the caller's thread and on the caller's exchange, and its outcome decides as a route's
     * does (an exception, rollback-only, or the CamelRocketMQTxStatus header). A database transaction it opens ends
     * inside it, unseen: a rollback there must also throw or set rollback-only. It saves the cost of calling a route
     * for every message. Mutually exclusive with localTransaction; a producer needs one of the two.
     */
    public void setLocalTransactionProcessor(Processor localTransactionProcessor) {
        this.localTransactionProcessor = localTransactionProcessor;
    }

    public Processor getCheckProcessor() {
        return checkProcessor;
    }

    /**
     * Processor that answers the broker's check of an unresolved transaction by setting the
     * CamelRocketMQTxStatus header. It may run in another JVM than the one that sent the message, so it must
     * decide from durable state (for example a database row), not from memory. Mutually exclusive with checkUri.
     */
    public void setCheckProcessor(Processor checkProcessor) {
        this.checkProcessor = checkProcessor;
    }

    public String getCheckUri() {
        return checkUri;
    }

    /**
     * Endpoint URI of a route that answers the broker's check (for example direct:checkOrder), the route
     * form of checkProcessor. Mutually exclusive with checkProcessor.
     */
    public void setCheckUri(String checkUri) {
        this.checkUri = blankAsNone(checkUri);
    }

    /** A blank route URI (an empty placeholder, say) names no route: it must not count as one. */
    private static String blankAsNone(String uri) {
        return uri == null || uri.isBlank() ? null : uri;
    }

    public TransactionStatus getExceptionStatus() {
        return exceptionStatus;
    }

    /**
     * Status when the local transaction (route or processor) fails with an exception: ROLLBACK, or UNKNOWN to let the
     * check decide (for failures that may have happened after the database committed, such as a lost connection on
     * commit).
     */
    public void setExceptionStatus(TransactionStatus exceptionStatus) {
        this.exceptionStatus = exceptionStatus;
    }

    public String getTags() {
        return tags;
    }

    /** Tag of the messages sent, unless the CamelRocketMQTxTags header gives one. */
    public void setTags(String tags) {
        this.tags = tags;
    }

    public int getSendMsgTimeout() {
        return sendMsgTimeout;
    }

    /**
     * Timeout in milliseconds for storing the half message. With endpoints, the timeout of every request to the proxy
     * (send, end, route).
     */
    public void setSendMsgTimeout(int sendMsgTimeout) {
        this.sendMsgTimeout = sendMsgTimeout;
    }

    public int getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    /** How many times the client retries storing a half message (possibly on another broker) before failing. */
    public void setRetryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public int getCheckImmunityTime() {
        return checkImmunityTime;
    }

    /**
     * Seconds the broker waits before the first check of each message; 0 keeps the broker's transactionTimeOut. Use
     * it when local transactions can legitimately run longer than the broker's timeout.
     */
    public void setCheckImmunityTime(int checkImmunityTime) {
        this.checkImmunityTime = checkImmunityTime;
    }

    public int getMaxMessageSize() {
        return maxMessageSize;
    }

    /** Largest message body accepted, in bytes; a larger body fails before any half message is sent. */
    public void setMaxMessageSize(int maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public int getRememberedOutcomes() {
        return rememberedOutcomes;
    }

    /**
     * How many local-transaction outcomes the producer remembers to answer checks of transactions it ran itself (for
     * example when the one-way commit was lost). Bounded: the oldest are forgotten first. 0 disables it. A check of a
     * transaction not remembered here reads them all: about 5 us for the default, half a millisecond for a million.
     */
    public void setRememberedOutcomes(int rememberedOutcomes) {
        this.rememberedOutcomes = rememberedOutcomes;
    }

    public int getEarlyCheckDelay() {
        return earlyCheckDelay;
    }

    /**
     * Milliseconds after which the producer itself checks a transaction whose local transaction answered UNKNOWN,
     * with checkProcessor or checkUri, and ends it when the check answers COMMIT or ROLLBACK. The broker's own check
     * comes only after its transactionTimeOut (6 s by default) and then once per transactionCheckInterval; an
     * UNKNOWN answer here leaves the transaction to those checks. Keep it well below the broker's
     * transactionTimeOut: if the broker checks the same transaction at the same moment, both answers commit and the
     * message is delivered twice. 0 (the default) leaves every UNKNOWN to the broker. Needs checkProcessor, checkUri
     * or transactionLog.
     */
    public void setEarlyCheckDelay(int earlyCheckDelay) {
        this.earlyCheckDelay = earlyCheckDelay;
    }

    public IdempotentRepository getTransactionLog() {
        return transactionLog;
    }

    /**
     * A durable log of committed local transactions, which answers the broker's checks with no check code: the producer
     * adds the transaction id to it in the same database transaction as the local transaction (route or processor), so
     * an entry exists exactly when the local transaction committed. A check then answers COMMIT when the id is logged,
     * UNKNOWN while the half message is younger than localTransactionTimeout, and ROLLBACK after that (or asks
     * checkProcessor/checkUri, when configured). Use a JDBC repository (camel-sql) on the local transaction's database;
     * the transaction is the one transacted() uses (see transactedPolicy). Entries must be kept longer than the broker
     * may check (transactionCheckMax times transactionCheckInterval).
     */
    public void setTransactionLog(IdempotentRepository transactionLog) {
        this.transactionLog = transactionLog;
    }

    public long getLocalTransactionTimeout() {
        return localTransactionTimeout;
    }

    /**
     * The longest a local transaction may take, from the half message's send to its database commit. With
     * transactionLog, a check rolls back a transaction whose id is not logged only once its half message is older than
     * this (on any instance of the group, the transaction cannot be running any more), and a local transaction that
     * is still running at this age is rolled back before it can commit. Longer than the longest local transaction
     * and the clock difference between instances.
     */
    public void setLocalTransactionTimeout(long localTransactionTimeout) {
        this.localTransactionTimeout = localTransactionTimeout;
    }

    public TransactedPolicy getTransactedPolicy() {
        return transactedPolicy;
    }

    /**
     * The transaction that the transactionLog entry (producer) or the idempotentRepository key (consumer) shares with
     * the route's database work: a Spring transaction policy (camel-spring). By default the one transacted() would use:
     * the SpringTransactionPolicy bean named PROPAGATION_REQUIRED, else the only transaction policy, else the only
     * PlatformTransactionManager in the registry. A transacted() inside the route joins it.
     */
    public void setTransactedPolicy(TransactedPolicy transactedPolicy) {
        this.transactedPolicy = transactedPolicy;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    /**
     * Delivers each transaction at most once to the route: a message whose transaction id (the message id for
     * messages sent without a transaction) is already in the repository is acknowledged without routing, and the
     * id is added when the exchange succeeds. With a JDBC repository (camel-sql) and a Spring transaction (see
     * transactedPolicy), the id is added in the same database transaction as the route's own work (a transacted()
     * in the route joins it), so a crash between the route's commit and the acknowledgement has no second effect.
     */
    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    /** The consumer group. Required on a consumer. */
    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public String getSubscribeTags() {
        return subscribeTags;
    }

    /** Tag expression the consumer subscribes with, for example TagA || TagB; * is every tag. */
    public void setSubscribeTags(String subscribeTags) {
        this.subscribeTags = subscribeTags;
    }

    public String getSubscribeSql() {
        return subscribeSql;
    }

    /**
     * SQL92 filter on message user properties (needs enablePropertyFilter on the broker). When set it replaces
     * subscribeTags.
     */
    public void setSubscribeSql(String subscribeSql) {
        this.subscribeSql = subscribeSql;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    /**
     * CLUSTERING: each message goes to one consumer of the group. BROADCASTING: to every consumer; failed messages
     * are not redelivered in this mode. BROADCASTING is refused with endpoints.
     */
    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public int getConsumeThreadMin() {
        return consumeThreadMin;
    }

    /** Minimum number of consumer threads. Refused with endpoints: the gRPC consumer has only consumeThreadMax. */
    public void setConsumeThreadMin(int consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public int getConsumeThreadMax() {
        return consumeThreadMax;
    }

    /** Maximum number of consumer threads. */
    public void setConsumeThreadMax(int consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public int getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    /**
     * How many times a failed message is redelivered before the broker moves it to the group's dead-letter topic
     * (%DLQ%group); -1 keeps RocketMQ's default (16). Refused with endpoints: there the broker applies the consumer
     * group's own retryMaxTimes.
     */
    public void setMaxReconsumeTimes(int maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    /** Where a consumer group without a stored offset starts. Refused with endpoints, where the broker decides. */
    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public int getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    /**
     * Most messages handed to the consumer at once. Each becomes its own exchange; after a failure the rest of the
     * batch is redelivered. Refused with endpoints: the gRPC consumer takes one message at a time.
     */
    public void setConsumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }
}
