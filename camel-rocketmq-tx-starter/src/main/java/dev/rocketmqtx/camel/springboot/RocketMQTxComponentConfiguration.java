package dev.rocketmqtx.camel.springboot;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Processor;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code camel.component.rocketmq-tx.*} properties: one for each option of the component (the component JSON's
 * {@code componentProperties}), in the shape of Camel's own starters. A property left unset keeps the component's
 * default; every endpoint starts from the component's options, so the name server, namespace and credentials of a
 * managed service are set once here.
 *
 * <p>Camel generates this class for its own components only; it is kept in step with the component by
 * {@code RocketMQTxComponentConfigurationTest}, which fails when an option is missing or differs.
 */
@ConfigurationProperties(prefix = "camel.component.rocketmq-tx")
public class RocketMQTxComponentConfiguration extends ComponentConfigurationPropertiesCommon {

    /**
     * Whether to enable auto configuration of the rocketmq-tx component. This is enabled by default.
     */
    private Boolean enabled;
    /**
     * RocketMQ 5 proxy endpoint(s), host:port, several separated by ; (IP addresses only when several).
     * Selects the RocketMQ 5 gRPC protocol, which needs org.apache.rocketmq:rocketmq-client-java on the
     * classpath. Exactly one of namesrvAddr and endpoints is required.
     */
    private String endpoints;
    /**
     * Namespace (instance id) of a managed RocketMQ service. Applied to every client the component creates,
     * so topic and group names are written without it.
     */
    private String namespace;
    /**
     * Name server address(es), host:port, several separated by ;. Selects RocketMQ's classic remoting
     * protocol. Exactly one of namesrvAddr and endpoints is required.
     */
    private String namesrvAddr;
    /**
     * Allows for bridging the consumer to the Camel routing Error Handler, which mean any exceptions (if
     * possible) occurred while the Camel consumer is trying to pickup incoming messages, or the likes, will
     * now be processed as a message and handled by the routing Error Handler. Important: This is only
     * possible if the 3rd party component allows Camel to be alerted if an exception was thrown. Some
     * components handle this internally only, and therefore bridgeErrorHandler is not possible. In other
     * situations we may improve the Camel component to hook into the 3rd party component and make this
     * possible for future releases. By default the consumer will use the
     * org.apache.camel.spi.ExceptionHandler to deal with exceptions, that will be logged at WARN or ERROR
     * level and ignored.
     */
    private Boolean bridgeErrorHandler = false;
    /**
     * Where a consumer group without a stored offset starts. Refused with endpoints, where the broker
     * decides.
     */
    private ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    /**
     * The consumer group. Required on a consumer.
     */
    private String consumerGroup;
    /**
     * Maximum number of consumer threads.
     */
    private Integer consumeThreadMax = 20;
    /**
     * Minimum number of consumer threads. Refused with endpoints: the gRPC consumer has only
     * consumeThreadMax.
     */
    private Integer consumeThreadMin = 20;
    /**
     * Delivers each transaction at most once to the route: a message whose transaction id (the message id for
     * messages sent without a transaction) is already in the repository is acknowledged without routing, and
     * the id is added when the exchange succeeds. With a JDBC repository (camel-sql) and a Spring transaction
     * (see transactedPolicy), the id is added in the same database transaction as the route's own work (a
     * transacted() in the route joins it), so a crash between the route's commit and the acknowledgement has
     * no second effect. The option is a org.apache.camel.spi.IdempotentRepository type; in properties refer
     * to a bean with #bean:name.
     */
    private IdempotentRepository idempotentRepository;
    /**
     * How many times a failed message is redelivered before the broker moves it to the group's dead-letter
     * topic (%DLQ%group); -1 keeps RocketMQ's default (16). Refused with endpoints: there the broker applies
     * the consumer group's own retryMaxTimes.
     */
    private Integer maxReconsumeTimes = -1;
    /**
     * CLUSTERING: each message goes to one consumer of the group. BROADCASTING: to every consumer; failed
     * messages are not redelivered in this mode. BROADCASTING is refused with endpoints.
     */
    private MessageModel messageModel = MessageModel.CLUSTERING;
    /**
     * SQL92 filter on message user properties (needs enablePropertyFilter on the broker). When set it
     * replaces subscribeTags.
     */
    private String subscribeSql;
    /**
     * Tag expression the consumer subscribes with, for example TagA TagB; is every tag.
     */
    private String subscribeTags = "*";
    /**
     * Most messages handed to the consumer at once. Each becomes its own exchange; after a failure the rest
     * of the batch is redelivered. Refused with endpoints: the gRPC consumer takes one message at a time.
     */
    private Integer consumeMessageBatchMaxSize = 1;
    /**
     * Seconds the broker waits before the first check of each message; 0 keeps the broker's
     * transactionTimeOut. Use it when local transactions can legitimately run longer than the broker's
     * timeout.
     */
    private Integer checkImmunityTime = 0;
    /**
     * Processor that answers the broker's check of an unresolved transaction by setting the
     * CamelRocketMQTxStatus header. It may run in another JVM than the one that sent the message, so it must
     * decide from durable state (for example a database row), not from memory. Mutually exclusive with
     * checkUri. The option is a org.apache.camel.Processor type; in properties refer to a bean with
     * #bean:name.
     */
    private Processor checkProcessor;
    /**
     * Endpoint URI of a route that answers the broker's check (for example direct:checkOrder), the route form
     * of checkProcessor. Mutually exclusive with checkProcessor.
     */
    private String checkUri;
    /**
     * Status when the local transaction (route or processor) fails with an exception: ROLLBACK, or UNKNOWN to let the
     * check decide (for failures that may have happened after the database committed, such as a lost connection on
     * commit).
     */
    private TransactionStatus exceptionStatus = TransactionStatus.ROLLBACK;
    /**
     * Whether the producer should be started lazy (on the first message). By starting lazy you can use this
     * to allow CamelContext and routes to startup in situations where a producer may otherwise fail during
     * starting and cause the route to fail being started. By deferring this startup to be lazy then the
     * startup failure can be handled during routing messages via Camel's routing error handlers. Beware that
     * when the first message is processed then creating and starting the producer may take a little time and
     * prolong the total processing time of the processing.
     */
    private Boolean lazyStartProducer = false;
    /**
     * Endpoint URI of the route that is the local transaction (for example direct:saveOrder). A producer needs
     * it or localTransactionProcessor. It runs after the broker stored the half message, in the caller's thread
     * and on the caller's exchange; its outcome decides COMMIT or ROLLBACK.
     */
    private String localTransaction;
    /**
     * Processor that is the local transaction, the in-place form of localTransaction: called after the broker
     * stored the half message, in the caller's thread and on the caller's exchange, and its outcome decides as
     * a route's does (an exception, rollback-only, or the CamelRocketMQTxStatus header). A database transaction
     * it opens ends inside it, unseen: a rollback there must also throw or set rollback-only. It saves the cost of
     * calling a route for every message. Mutually exclusive with localTransaction; a producer needs one of the
     * two. The option is a org.apache.camel.Processor type; in properties refer to a bean with #bean:name.
     */
    private Processor localTransactionProcessor;
    /**
     * The longest a local transaction may take, from the half message's send to its database commit. With
     * transactionLog, a check rolls back a transaction whose id is not logged only once its half message is
     * older than this (on any instance of the group, the transaction cannot be running any more), and a local
     * transaction that is still running at this age is rolled back before it can commit. Longer than the
     * longest local transaction and the clock difference between instances.
     */
    private Long localTransactionTimeout = 60000L;
    /**
     * Largest message body accepted, in bytes; a larger body fails before any half message is sent.
     */
    private Integer maxMessageSize = 4194304;
    /**
     * The producer group. Required on a producer with namesrvAddr. The broker sends its checks to any live
     * producer of this group, so every instance of the application uses the same group. Several endpoints of
     * a JVM may share a group (they share one client: accessKey, secretKey, useTls and
     * retryTimesWhenSendFailed must then be equal, and endpoints of one topic must use the same check).
     * Refused with endpoints: a RocketMQ 5 proxy has no producer groups and sends the checks of a topic to
     * any gRPC producer of the topic.
     */
    private String producerGroup;
    /**
     * How many times the client retries storing a half message (possibly on another broker) before failing.
     */
    private Integer retryTimesWhenSendFailed = 2;
    /**
     * Timeout in milliseconds for storing the half message. With endpoints, the timeout of every request to
     * the proxy (send, end, route).
     */
    private Integer sendMsgTimeout = 3000;
    /**
     * Tag of the messages sent, unless the CamelRocketMQTxTags header gives one.
     */
    private String tags;
    /**
     * A durable log of committed local transactions, which answers the broker's checks with no check code: the producer
     * adds the transaction id to it in the same database transaction as the local transaction (route or processor), so
     * an entry exists exactly when the local transaction committed. A check then answers COMMIT when the id is logged,
     * UNKNOWN while the half message is younger than localTransactionTimeout, and ROLLBACK after that (or asks
     * checkProcessor/checkUri, when configured). Use a JDBC repository (camel-sql) on the local transaction's database;
     * the transaction is the one transacted() uses (see transactedPolicy). Entries must be kept longer than the broker
     * may check (transactionCheckMax times transactionCheckInterval). The option is a
     * org.apache.camel.spi.IdempotentRepository type; in properties refer to a bean with #bean:name.
     */
    private IdempotentRepository transactionLog;
    /**
     * Milliseconds after which the producer itself checks a transaction whose local transaction answered
     * UNKNOWN, with checkProcessor or checkUri, and ends it when the check answers COMMIT or ROLLBACK. The
     * broker's own check comes only after its transactionTimeOut (6 s by default) and then once per
     * transactionCheckInterval; an UNKNOWN answer here leaves the transaction to those checks. Keep it well
     * below the broker's transactionTimeOut: if the broker checks the same transaction at the same moment,
     * both answers commit and the message is delivered twice. 0 (the default) leaves every UNKNOWN to the
     * broker. Needs checkProcessor, checkUri or transactionLog.
     */
    private Integer earlyCheckDelay = 0;
    /**
     * How many local-transaction outcomes the producer remembers to answer checks of transactions it ran itself (for
     * example when the one-way commit was lost). Bounded: the oldest are forgotten first. 0 disables it. A check of a
     * transaction not remembered here reads them all: about 5 us for the default, half a millisecond for a million.
     */
    private Integer rememberedOutcomes = 10000;
    /**
     * Whether autowiring is enabled. This is used for automatic autowiring options (the option must be marked
     * as autowired) by looking up in the registry to find if there is a single instance of matching type,
     * which then gets configured on the component. This can be used for automatic configuring JDBC data
     * sources, JMS connection factories, AWS Clients, etc.
     */
    private Boolean autowiredEnabled = true;
    /**
     * The shared configuration: every endpoint starts from a copy of it. The option is a
     * dev.rocketmqtx.camel.RocketMQTxConfiguration type; in properties refer to a bean with #bean:name.
     */
    private RocketMQTxConfiguration configuration;
    /**
     * Decides which Camel headers become message user properties and which user properties become headers.
     * The default passes everything except Camel's own headers. The option is a
     * org.apache.camel.spi.HeaderFilterStrategy type; in properties refer to a bean with #bean:name.
     */
    private HeaderFilterStrategy headerFilterStrategy;
    /**
     * The transaction that the transactionLog entry (producer) or the idempotentRepository key (consumer)
     * shares with the route's database work: a Spring transaction policy (camel-spring). By default the one
     * transacted() would use: the SpringTransactionPolicy bean named PROPAGATION_REQUIRED, else the only
     * transaction policy, else the only PlatformTransactionManager in the registry. A transacted() inside the
     * route joins it. The option is a org.apache.camel.spi.TransactedPolicy type; in properties refer to a
     * bean with #bean:name.
     */
    private TransactedPolicy transactedPolicy;
    /**
     * Used for enabling or disabling all consumer based health checks from this component
     */
    private Boolean healthCheckConsumerEnabled = true;
    /**
     * Used for enabling or disabling all producer based health checks from this component. Notice: Camel has
     * by default disabled all producer based health-checks. You can turn on producer checks globally by
     * setting camel.health.producersEnabled=true.
     */
    private Boolean healthCheckProducerEnabled = true;
    /**
     * Access key for a broker with ACL enabled; used by the producer, the consumer and every other client.
     */
    private String accessKey;
    /**
     * Secret key that goes with the access key. Never logged.
     */
    private String secretKey;
    /**
     * Connect over TLS: to the name server and brokers (namesrvAddr), or to the proxies (endpoints). Required
     * by servers that enforce TLS.
     */
    private Boolean useTls = false;

    public Boolean getEnabled() {
        return enabled;
    }

    public void setEnabled(Boolean enabled) {
        this.enabled = enabled;
    }

    public String getEndpoints() {
        return endpoints;
    }

    public void setEndpoints(String endpoints) {
        this.endpoints = endpoints;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public Boolean getBridgeErrorHandler() {
        return bridgeErrorHandler;
    }

    public void setBridgeErrorHandler(Boolean bridgeErrorHandler) {
        this.bridgeErrorHandler = bridgeErrorHandler;
    }

    public ConsumeFromWhere getConsumeFromWhere() {
        return consumeFromWhere;
    }

    public void setConsumeFromWhere(ConsumeFromWhere consumeFromWhere) {
        this.consumeFromWhere = consumeFromWhere;
    }

    public String getConsumerGroup() {
        return consumerGroup;
    }

    public void setConsumerGroup(String consumerGroup) {
        this.consumerGroup = consumerGroup;
    }

    public Integer getConsumeThreadMax() {
        return consumeThreadMax;
    }

    public void setConsumeThreadMax(Integer consumeThreadMax) {
        this.consumeThreadMax = consumeThreadMax;
    }

    public Integer getConsumeThreadMin() {
        return consumeThreadMin;
    }

    public void setConsumeThreadMin(Integer consumeThreadMin) {
        this.consumeThreadMin = consumeThreadMin;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public Integer getMaxReconsumeTimes() {
        return maxReconsumeTimes;
    }

    public void setMaxReconsumeTimes(Integer maxReconsumeTimes) {
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    public MessageModel getMessageModel() {
        return messageModel;
    }

    public void setMessageModel(MessageModel messageModel) {
        this.messageModel = messageModel;
    }

    public String getSubscribeSql() {
        return subscribeSql;
    }

    public void setSubscribeSql(String subscribeSql) {
        this.subscribeSql = subscribeSql;
    }

    public String getSubscribeTags() {
        return subscribeTags;
    }

    public void setSubscribeTags(String subscribeTags) {
        this.subscribeTags = subscribeTags;
    }

    public Integer getConsumeMessageBatchMaxSize() {
        return consumeMessageBatchMaxSize;
    }

    public void setConsumeMessageBatchMaxSize(Integer consumeMessageBatchMaxSize) {
        this.consumeMessageBatchMaxSize = consumeMessageBatchMaxSize;
    }

    public Integer getCheckImmunityTime() {
        return checkImmunityTime;
    }

    public void setCheckImmunityTime(Integer checkImmunityTime) {
        this.checkImmunityTime = checkImmunityTime;
    }

    public Processor getCheckProcessor() {
        return checkProcessor;
    }

    public void setCheckProcessor(Processor checkProcessor) {
        this.checkProcessor = checkProcessor;
    }

    public String getCheckUri() {
        return checkUri;
    }

    public void setCheckUri(String checkUri) {
        this.checkUri = checkUri;
    }

    public TransactionStatus getExceptionStatus() {
        return exceptionStatus;
    }

    public void setExceptionStatus(TransactionStatus exceptionStatus) {
        this.exceptionStatus = exceptionStatus;
    }

    public Boolean getLazyStartProducer() {
        return lazyStartProducer;
    }

    public void setLazyStartProducer(Boolean lazyStartProducer) {
        this.lazyStartProducer = lazyStartProducer;
    }

    public String getLocalTransaction() {
        return localTransaction;
    }

    public void setLocalTransaction(String localTransaction) {
        this.localTransaction = localTransaction;
    }

    public Processor getLocalTransactionProcessor() {
        return localTransactionProcessor;
    }

    public void setLocalTransactionProcessor(Processor localTransactionProcessor) {
        this.localTransactionProcessor = localTransactionProcessor;
    }

    public Long getLocalTransactionTimeout() {
        return localTransactionTimeout;
    }

    public void setLocalTransactionTimeout(Long localTransactionTimeout) {
        this.localTransactionTimeout = localTransactionTimeout;
    }

    public Integer getMaxMessageSize() {
        return maxMessageSize;
    }

    public void setMaxMessageSize(Integer maxMessageSize) {
        this.maxMessageSize = maxMessageSize;
    }

    public String getProducerGroup() {
        return producerGroup;
    }

    public void setProducerGroup(String producerGroup) {
        this.producerGroup = producerGroup;
    }

    public Integer getRetryTimesWhenSendFailed() {
        return retryTimesWhenSendFailed;
    }

    public void setRetryTimesWhenSendFailed(Integer retryTimesWhenSendFailed) {
        this.retryTimesWhenSendFailed = retryTimesWhenSendFailed;
    }

    public Integer getSendMsgTimeout() {
        return sendMsgTimeout;
    }

    public void setSendMsgTimeout(Integer sendMsgTimeout) {
        this.sendMsgTimeout = sendMsgTimeout;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public IdempotentRepository getTransactionLog() {
        return transactionLog;
    }

    public void setTransactionLog(IdempotentRepository transactionLog) {
        this.transactionLog = transactionLog;
    }

    public Integer getEarlyCheckDelay() {
        return earlyCheckDelay;
    }

    public void setEarlyCheckDelay(Integer earlyCheckDelay) {
        this.earlyCheckDelay = earlyCheckDelay;
    }

    public Integer getRememberedOutcomes() {
        return rememberedOutcomes;
    }

    public void setRememberedOutcomes(Integer rememberedOutcomes) {
        this.rememberedOutcomes = rememberedOutcomes;
    }

    public Boolean getAutowiredEnabled() {
        return autowiredEnabled;
    }

    public void setAutowiredEnabled(Boolean autowiredEnabled) {
        this.autowiredEnabled = autowiredEnabled;
    }

    public RocketMQTxConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }

    public HeaderFilterStrategy getHeaderFilterStrategy() {
        return headerFilterStrategy;
    }

    public void setHeaderFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
        this.headerFilterStrategy = headerFilterStrategy;
    }

    public TransactedPolicy getTransactedPolicy() {
        return transactedPolicy;
    }

    public void setTransactedPolicy(TransactedPolicy transactedPolicy) {
        this.transactedPolicy = transactedPolicy;
    }

    public Boolean getHealthCheckConsumerEnabled() {
        return healthCheckConsumerEnabled;
    }

    public void setHealthCheckConsumerEnabled(Boolean healthCheckConsumerEnabled) {
        this.healthCheckConsumerEnabled = healthCheckConsumerEnabled;
    }

    public Boolean getHealthCheckProducerEnabled() {
        return healthCheckProducerEnabled;
    }

    public void setHealthCheckProducerEnabled(Boolean healthCheckProducerEnabled) {
        this.healthCheckProducerEnabled = healthCheckProducerEnabled;
    }

    public String getAccessKey() {
        return accessKey;
    }

    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public Boolean getUseTls() {
        return useTls;
    }

    public void setUseTls(Boolean useTls) {
        this.useTls = useTls;
    }
}
