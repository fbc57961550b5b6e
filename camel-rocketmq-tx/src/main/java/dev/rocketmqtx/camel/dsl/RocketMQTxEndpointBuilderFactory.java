package dev.rocketmqtx.camel.dsl;

import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.ExchangePattern;
import org.apache.camel.Processor;
import org.apache.camel.builder.EndpointConsumerBuilder;
import org.apache.camel.builder.EndpointProducerBuilder;
import org.apache.camel.builder.endpoint.AbstractEndpointBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;

/**
 * Typed endpoint builders for the {@code rocketmq-tx:} component, for routes written with Camel's endpoint DSL:
 *
 * <pre>{@code
 * public class OrderRoutes extends EndpointRouteBuilder implements RocketMQTxBuilders {
 *     public void configure() {
 *         from(direct("placeOrder"))
 *                 .to(rocketMQTx("orders").namesrvAddr("{{rocketmq.namesrv}}")
 *                         .producerGroup("order-tx").localTransaction(direct("saveOrder")));
 *         from(rocketMQTx("orders").namesrvAddr("{{rocketmq.namesrv}}").consumerGroup("shipping"))
 *                 .log("committed ${body}");
 *     }
 * }
 * }</pre>
 *
 * Hand-written in the shape of the builders Camel generates for its own components (a consumer builder, a producer
 * builder and one that is both), with every endpoint option of the component; a test compares them with the
 * component's option catalog. Every typed option also takes text, for property placeholders and bean references.
 * Needs {@code camel-endpointdsl} on the classpath (an optional dependency of this component).
 */
public interface RocketMQTxEndpointBuilderFactory {

    /**
     * Builder for a rocketmq-tx consumer: receives the committed messages of the topic.
     */
    interface RocketMQTxEndpointConsumerBuilder extends EndpointConsumerBuilder {

        /**
         * RocketMQ 5 proxy endpoint(s), host:port, several separated by ; (IP addresses only when several).
         * Selects the RocketMQ 5 gRPC protocol, which needs org.apache.rocketmq:rocketmq-client-java on the
         * classpath. Exactly one of namesrvAddr and endpoints is required.
         */
        default RocketMQTxEndpointConsumerBuilder endpoints(String endpoints) {
            doSetProperty("endpoints", endpoints);
            return this;
        }

        /**
         * Namespace (instance id) of a managed RocketMQ service. Applied to every client the component
         * creates, so topic and group names are written without it.
         */
        default RocketMQTxEndpointConsumerBuilder namespace(String namespace) {
            doSetProperty("namespace", namespace);
            return this;
        }

        /**
         * Name server address(es), host:port, several separated by ;. Selects RocketMQ's classic remoting
         * protocol. Exactly one of namesrvAddr and endpoints is required.
         */
        default RocketMQTxEndpointConsumerBuilder namesrvAddr(String namesrvAddr) {
            doSetProperty("namesrvAddr", namesrvAddr);
            return this;
        }

        /**
         * Where a consumer group without a stored offset starts. Refused with endpoints, where the broker
         * decides.
         * Default: {@code CONSUME_FROM_LAST_OFFSET}.
         */
        default RocketMQTxEndpointConsumerBuilder consumeFromWhere(ConsumeFromWhere consumeFromWhere) {
            doSetProperty("consumeFromWhere", consumeFromWhere);
            return this;
        }

        /**
         * The consumeFromWhere option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder consumeFromWhere(String consumeFromWhere) {
            doSetProperty("consumeFromWhere", consumeFromWhere);
            return this;
        }

        /**
         * The consumer group. Required on a consumer.
         */
        default RocketMQTxEndpointConsumerBuilder consumerGroup(String consumerGroup) {
            doSetProperty("consumerGroup", consumerGroup);
            return this;
        }

        /**
         * Maximum number of consumer threads.
         * Default: {@code 20}.
         */
        default RocketMQTxEndpointConsumerBuilder consumeThreadMax(int consumeThreadMax) {
            doSetProperty("consumeThreadMax", consumeThreadMax);
            return this;
        }

        /**
         * The consumeThreadMax option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder consumeThreadMax(String consumeThreadMax) {
            doSetProperty("consumeThreadMax", consumeThreadMax);
            return this;
        }

        /**
         * Minimum number of consumer threads. Refused with endpoints: the gRPC consumer has only
         * consumeThreadMax.
         * Default: {@code 20}.
         */
        default RocketMQTxEndpointConsumerBuilder consumeThreadMin(int consumeThreadMin) {
            doSetProperty("consumeThreadMin", consumeThreadMin);
            return this;
        }

        /**
         * The consumeThreadMin option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder consumeThreadMin(String consumeThreadMin) {
            doSetProperty("consumeThreadMin", consumeThreadMin);
            return this;
        }

        /**
         * Delivers each transaction at most once to the route: a message whose transaction id (the message id
         * for messages sent without a transaction) is already in the repository is acknowledged without
         * routing, and the id is added when the exchange succeeds. With a JDBC repository (camel-sql) and a
         * Spring transaction (see transactedPolicy), the id is added in the same database transaction as the
         * route's own work (a transacted() in the route joins it), so a crash between the route's commit and
         * the acknowledgement has no second effect.
         */
        default RocketMQTxEndpointConsumerBuilder idempotentRepository(IdempotentRepository idempotentRepository) {
            doSetProperty("idempotentRepository", idempotentRepository);
            return this;
        }

        /**
         * The idempotentRepository option as a bean reference (#name).
         */
        default RocketMQTxEndpointConsumerBuilder idempotentRepository(String idempotentRepository) {
            doSetProperty("idempotentRepository", idempotentRepository);
            return this;
        }

        /**
         * How many times a failed message is redelivered before the broker moves it to the group's
         * dead-letter topic (%DLQ%group); -1 keeps RocketMQ's default (16). Refused with endpoints: there the
         * broker applies the consumer group's own retryMaxTimes.
         * Default: {@code -1}.
         */
        default RocketMQTxEndpointConsumerBuilder maxReconsumeTimes(int maxReconsumeTimes) {
            doSetProperty("maxReconsumeTimes", maxReconsumeTimes);
            return this;
        }

        /**
         * The maxReconsumeTimes option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder maxReconsumeTimes(String maxReconsumeTimes) {
            doSetProperty("maxReconsumeTimes", maxReconsumeTimes);
            return this;
        }

        /**
         * CLUSTERING: each message goes to one consumer of the group. BROADCASTING: to every consumer; failed
         * messages are not redelivered in this mode. BROADCASTING is refused with endpoints.
         * Default: {@code CLUSTERING}.
         */
        default RocketMQTxEndpointConsumerBuilder messageModel(MessageModel messageModel) {
            doSetProperty("messageModel", messageModel);
            return this;
        }

        /**
         * The messageModel option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder messageModel(String messageModel) {
            doSetProperty("messageModel", messageModel);
            return this;
        }

        /**
         * SQL92 filter on message user properties (needs enablePropertyFilter on the broker). When set it
         * replaces subscribeTags.
         */
        default RocketMQTxEndpointConsumerBuilder subscribeSql(String subscribeSql) {
            doSetProperty("subscribeSql", subscribeSql);
            return this;
        }

        /**
         * Tag expression the consumer subscribes with, for example TagA TagB; is every tag.
         * Default: {@code *}.
         */
        default RocketMQTxEndpointConsumerBuilder subscribeTags(String subscribeTags) {
            doSetProperty("subscribeTags", subscribeTags);
            return this;
        }

        /**
         * Hands exceptions the consumer meets outside an exchange to the route's error handler.
         * Default: {@code false}.
         */
        default RocketMQTxEndpointConsumerBuilder bridgeErrorHandler(boolean bridgeErrorHandler) {
            doSetProperty("bridgeErrorHandler", bridgeErrorHandler);
            return this;
        }

        /**
         * The bridgeErrorHandler option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder bridgeErrorHandler(String bridgeErrorHandler) {
            doSetProperty("bridgeErrorHandler", bridgeErrorHandler);
            return this;
        }

        /**
         * Most messages handed to the consumer at once. Each becomes its own exchange; after a failure the
         * rest of the batch is redelivered. Refused with endpoints: the gRPC consumer takes one message at a
         * time.
         * Default: {@code 1}.
         */
        default RocketMQTxEndpointConsumerBuilder consumeMessageBatchMaxSize(int consumeMessageBatchMaxSize) {
            doSetProperty("consumeMessageBatchMaxSize", consumeMessageBatchMaxSize);
            return this;
        }

        /**
         * The consumeMessageBatchMaxSize option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder consumeMessageBatchMaxSize(String consumeMessageBatchMaxSize) {
            doSetProperty("consumeMessageBatchMaxSize", consumeMessageBatchMaxSize);
            return this;
        }

        /**
         * Handles exceptions the consumer meets outside an exchange (unless bridgeErrorHandler is on).
         */
        default RocketMQTxEndpointConsumerBuilder exceptionHandler(ExceptionHandler exceptionHandler) {
            doSetProperty("exceptionHandler", exceptionHandler);
            return this;
        }

        /**
         * The exceptionHandler option as a bean reference (#name).
         */
        default RocketMQTxEndpointConsumerBuilder exceptionHandler(String exceptionHandler) {
            doSetProperty("exceptionHandler", exceptionHandler);
            return this;
        }

        /**
         * Sets the exchange pattern when the consumer creates an exchange.
         */
        default RocketMQTxEndpointConsumerBuilder exchangePattern(ExchangePattern exchangePattern) {
            doSetProperty("exchangePattern", exchangePattern);
            return this;
        }

        /**
         * The exchangePattern option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder exchangePattern(String exchangePattern) {
            doSetProperty("exchangePattern", exchangePattern);
            return this;
        }

        /**
         * Decides which Camel headers become message user properties and which user properties become
         * headers. The default passes everything except Camel's own headers.
         */
        default RocketMQTxEndpointConsumerBuilder headerFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
            doSetProperty("headerFilterStrategy", headerFilterStrategy);
            return this;
        }

        /**
         * The headerFilterStrategy option as a bean reference (#name).
         */
        default RocketMQTxEndpointConsumerBuilder headerFilterStrategy(String headerFilterStrategy) {
            doSetProperty("headerFilterStrategy", headerFilterStrategy);
            return this;
        }

        /**
         * The transaction that the transactionLog entry (producer) or the idempotentRepository key (consumer)
         * shares with the route's database work: a Spring transaction policy (camel-spring). By default the
         * one transacted() would use: the SpringTransactionPolicy bean named PROPAGATION_REQUIRED, else the
         * only transaction policy, else the only PlatformTransactionManager in the registry. A transacted()
         * inside the route joins it.
         */
        default RocketMQTxEndpointConsumerBuilder transactedPolicy(TransactedPolicy transactedPolicy) {
            doSetProperty("transactedPolicy", transactedPolicy);
            return this;
        }

        /**
         * The transactedPolicy option as a bean reference (#name).
         */
        default RocketMQTxEndpointConsumerBuilder transactedPolicy(String transactedPolicy) {
            doSetProperty("transactedPolicy", transactedPolicy);
            return this;
        }

        /**
         * Access key for a broker with ACL enabled; used by the producer, the consumer and every other
         * client.
         */
        default RocketMQTxEndpointConsumerBuilder accessKey(String accessKey) {
            doSetProperty("accessKey", accessKey);
            return this;
        }

        /**
         * Secret key that goes with the access key. Never logged.
         */
        default RocketMQTxEndpointConsumerBuilder secretKey(String secretKey) {
            doSetProperty("secretKey", secretKey);
            return this;
        }

        /**
         * Connect over TLS: to the name server and brokers (namesrvAddr), or to the proxies (endpoints).
         * Required by servers that enforce TLS.
         * Default: {@code false}.
         */
        default RocketMQTxEndpointConsumerBuilder useTls(boolean useTls) {
            doSetProperty("useTls", useTls);
            return this;
        }

        /**
         * The useTls option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointConsumerBuilder useTls(String useTls) {
            doSetProperty("useTls", useTls);
            return this;
        }
    }

    /**
     * Builder for a rocketmq-tx producer: sends transactional messages whose local transaction is a route.
     */
    interface RocketMQTxEndpointProducerBuilder extends EndpointProducerBuilder {

        /**
         * RocketMQ 5 proxy endpoint(s), host:port, several separated by ; (IP addresses only when several).
         * Selects the RocketMQ 5 gRPC protocol, which needs org.apache.rocketmq:rocketmq-client-java on the
         * classpath. Exactly one of namesrvAddr and endpoints is required.
         */
        default RocketMQTxEndpointProducerBuilder endpoints(String endpoints) {
            doSetProperty("endpoints", endpoints);
            return this;
        }

        /**
         * Namespace (instance id) of a managed RocketMQ service. Applied to every client the component
         * creates, so topic and group names are written without it.
         */
        default RocketMQTxEndpointProducerBuilder namespace(String namespace) {
            doSetProperty("namespace", namespace);
            return this;
        }

        /**
         * Name server address(es), host:port, several separated by ;. Selects RocketMQ's classic remoting
         * protocol. Exactly one of namesrvAddr and endpoints is required.
         */
        default RocketMQTxEndpointProducerBuilder namesrvAddr(String namesrvAddr) {
            doSetProperty("namesrvAddr", namesrvAddr);
            return this;
        }

        /**
         * Seconds the broker waits before the first check of each message; 0 keeps the broker's
         * transactionTimeOut. Use it when local transactions can legitimately run longer than the broker's
         * timeout.
         * Default: {@code 0}.
         */
        default RocketMQTxEndpointProducerBuilder checkImmunityTime(int checkImmunityTime) {
            doSetProperty("checkImmunityTime", checkImmunityTime);
            return this;
        }

        /**
         * The checkImmunityTime option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder checkImmunityTime(String checkImmunityTime) {
            doSetProperty("checkImmunityTime", checkImmunityTime);
            return this;
        }

        /**
         * Processor that answers the broker's check of an unresolved transaction by setting the
         * CamelRocketMQTxStatus header. It may run in another JVM than the one that sent the message, so it
         * must decide from durable state (for example a database row), not from memory. Mutually exclusive
         * with checkUri.
         */
        default RocketMQTxEndpointProducerBuilder checkProcessor(Processor checkProcessor) {
            doSetProperty("checkProcessor", checkProcessor);
            return this;
        }

        /**
         * The checkProcessor option as a bean reference (#name).
         */
        default RocketMQTxEndpointProducerBuilder checkProcessor(String checkProcessor) {
            doSetProperty("checkProcessor", checkProcessor);
            return this;
        }

        /**
         * Endpoint URI of a route that answers the broker's check (for example direct:checkOrder), the route
         * form of checkProcessor. Mutually exclusive with checkProcessor.
         */
        default RocketMQTxEndpointProducerBuilder checkUri(String checkUri) {
            doSetProperty("checkUri", checkUri);
            return this;
        }

        /**
         * The checkUri option as an endpoint builder, for example {@code direct("saveOrder")}.
         */
        default RocketMQTxEndpointProducerBuilder checkUri(EndpointProducerBuilder checkUri) {
            doSetProperty("checkUri", checkUri.getRawUri());
            return this;
        }

        /**
         * Status when the local transaction (route or processor) fails with an exception: ROLLBACK, or UNKNOWN to let
         * the check decide (for failures that may have happened after the database committed, such as a lost connection
         * on commit).
         * Default: {@code ROLLBACK}.
         */
        default RocketMQTxEndpointProducerBuilder exceptionStatus(TransactionStatus exceptionStatus) {
            doSetProperty("exceptionStatus", exceptionStatus);
            return this;
        }

        /**
         * The exceptionStatus option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder exceptionStatus(String exceptionStatus) {
            doSetProperty("exceptionStatus", exceptionStatus);
            return this;
        }

        /**
         * Endpoint URI of the route that is the local transaction (for example direct:saveOrder). A producer
         * needs it or localTransactionProcessor. It runs after the broker stored the half message, in the
         * caller's thread and on the caller's exchange; its outcome decides COMMIT or ROLLBACK.
         */
        default RocketMQTxEndpointProducerBuilder localTransaction(String localTransaction) {
            doSetProperty("localTransaction", localTransaction);
            return this;
        }

        /**
         * The localTransaction option as an endpoint builder, for example {@code direct("saveOrder")}.
         */
        default RocketMQTxEndpointProducerBuilder localTransaction(EndpointProducerBuilder localTransaction) {
            doSetProperty("localTransaction", localTransaction.getRawUri());
            return this;
        }

        /**
         * Processor that is the local transaction, the in-place form of localTransaction: called after the
         * broker stored the half message, in the caller's thread and on the caller's exchange, and its outcome
         * decides as a route's does (an exception, rollback-only, or the CamelRocketMQTxStatus header). A
         * database transaction it opens ends inside it, unseen: a rollback there must also throw or set
         * rollback-only. It saves the cost of calling a route for every message. Mutually exclusive with
         * localTransaction; a producer needs one of the two.
         */
        default RocketMQTxEndpointProducerBuilder localTransactionProcessor(Processor localTransactionProcessor) {
            doSetProperty("localTransactionProcessor", localTransactionProcessor);
            return this;
        }

        /**
         * The localTransactionProcessor option as a bean reference (#name).
         */
        default RocketMQTxEndpointProducerBuilder localTransactionProcessor(String localTransactionProcessor) {
            doSetProperty("localTransactionProcessor", localTransactionProcessor);
            return this;
        }

        /**
         * The longest a local transaction may take, from the half message's send to its database commit. With
         * transactionLog, a check rolls back a transaction whose id is not logged only once its half message
         * is older than this (on any instance of the group, the transaction cannot be running any more), and
         * a local transaction that is still running at this age is rolled back before it can commit. Longer
         * than the longest local transaction and the clock difference between instances.
         * Default: {@code 60000}.
         */
        default RocketMQTxEndpointProducerBuilder localTransactionTimeout(long localTransactionTimeout) {
            doSetProperty("localTransactionTimeout", localTransactionTimeout);
            return this;
        }

        /**
         * The localTransactionTimeout option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder localTransactionTimeout(String localTransactionTimeout) {
            doSetProperty("localTransactionTimeout", localTransactionTimeout);
            return this;
        }

        /**
         * Largest message body accepted, in bytes; a larger body fails before any half message is sent.
         * Default: {@code 4194304}.
         */
        default RocketMQTxEndpointProducerBuilder maxMessageSize(int maxMessageSize) {
            doSetProperty("maxMessageSize", maxMessageSize);
            return this;
        }

        /**
         * The maxMessageSize option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder maxMessageSize(String maxMessageSize) {
            doSetProperty("maxMessageSize", maxMessageSize);
            return this;
        }

        /**
         * The producer group. Required on a producer with namesrvAddr. The broker sends its checks to any
         * live producer of this group, so every instance of the application uses the same group. Several
         * endpoints of a JVM may share a group (they share one client: accessKey, secretKey, useTls and
         * retryTimesWhenSendFailed must then be equal, and endpoints of one topic must use the same check).
         * Refused with endpoints: a RocketMQ 5 proxy has no producer groups and sends the checks of a topic
         * to any gRPC producer of the topic.
         */
        default RocketMQTxEndpointProducerBuilder producerGroup(String producerGroup) {
            doSetProperty("producerGroup", producerGroup);
            return this;
        }

        /**
         * How many times the client retries storing a half message (possibly on another broker) before
         * failing.
         * Default: {@code 2}.
         */
        default RocketMQTxEndpointProducerBuilder retryTimesWhenSendFailed(int retryTimesWhenSendFailed) {
            doSetProperty("retryTimesWhenSendFailed", retryTimesWhenSendFailed);
            return this;
        }

        /**
         * The retryTimesWhenSendFailed option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder retryTimesWhenSendFailed(String retryTimesWhenSendFailed) {
            doSetProperty("retryTimesWhenSendFailed", retryTimesWhenSendFailed);
            return this;
        }

        /**
         * Timeout in milliseconds for storing the half message. With endpoints, the timeout of every request
         * to the proxy (send, end, route).
         * Default: {@code 3000}.
         */
        default RocketMQTxEndpointProducerBuilder sendMsgTimeout(int sendMsgTimeout) {
            doSetProperty("sendMsgTimeout", sendMsgTimeout);
            return this;
        }

        /**
         * The sendMsgTimeout option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder sendMsgTimeout(String sendMsgTimeout) {
            doSetProperty("sendMsgTimeout", sendMsgTimeout);
            return this;
        }

        /**
         * Tag of the messages sent, unless the CamelRocketMQTxTags header gives one.
         */
        default RocketMQTxEndpointProducerBuilder tags(String tags) {
            doSetProperty("tags", tags);
            return this;
        }

        /**
         * A durable log of committed local transactions, which answers the broker's checks with no check code: the
         * producer adds the transaction id to it in the same database transaction as the local transaction (route or
         * processor), so an entry exists exactly when the local transaction committed. A check then answers COMMIT when
         * the id is logged, UNKNOWN while the half message is younger than localTransactionTimeout, and ROLLBACK after
         * that (or asks checkProcessor/checkUri, when configured). Use a JDBC repository (camel-sql) on the local
         * transaction's database; the transaction is the one transacted() uses (see transactedPolicy). Entries must be
         * kept longer than the broker may check (transactionCheckMax times transactionCheckInterval).
         */
        default RocketMQTxEndpointProducerBuilder transactionLog(IdempotentRepository transactionLog) {
            doSetProperty("transactionLog", transactionLog);
            return this;
        }

        /**
         * The transactionLog option as a bean reference (#name).
         */
        default RocketMQTxEndpointProducerBuilder transactionLog(String transactionLog) {
            doSetProperty("transactionLog", transactionLog);
            return this;
        }

        /**
         * Milliseconds after which the producer itself checks a transaction whose local transaction answered
         * UNKNOWN, with checkProcessor or checkUri, and ends it when the check answers COMMIT or ROLLBACK.
         * The broker's own check comes only after its transactionTimeOut (6 s by default) and then once per
         * transactionCheckInterval; an UNKNOWN answer here leaves the transaction to those checks. Keep it
         * well below the broker's transactionTimeOut: if the broker checks the same transaction at the same
         * moment, both answers commit and the message is delivered twice. 0 (the default) leaves every
         * UNKNOWN to the broker. Needs checkProcessor, checkUri or transactionLog.
         * Default: {@code 0}.
         */
        default RocketMQTxEndpointProducerBuilder earlyCheckDelay(int earlyCheckDelay) {
            doSetProperty("earlyCheckDelay", earlyCheckDelay);
            return this;
        }

        /**
         * The earlyCheckDelay option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder earlyCheckDelay(String earlyCheckDelay) {
            doSetProperty("earlyCheckDelay", earlyCheckDelay);
            return this;
        }

        /**
         * Starts the producer on the first message instead of with the route, so that a broker that is down
         * at start-up does not stop the route from starting.
         * Default: {@code false}.
         */
        default RocketMQTxEndpointProducerBuilder lazyStartProducer(boolean lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /**
         * The lazyStartProducer option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder lazyStartProducer(String lazyStartProducer) {
            doSetProperty("lazyStartProducer", lazyStartProducer);
            return this;
        }

        /**
         * How many local-transaction outcomes the producer remembers to answer checks of transactions it ran itself
         * (for example when the one-way commit was lost). Bounded: the oldest are forgotten first. 0 disables it. A
         * check of a transaction not remembered here reads them all: about 5 us for the default, half a millisecond for
         * a million.
         * Default: {@code 10000}.
         */
        default RocketMQTxEndpointProducerBuilder rememberedOutcomes(int rememberedOutcomes) {
            doSetProperty("rememberedOutcomes", rememberedOutcomes);
            return this;
        }

        /**
         * The rememberedOutcomes option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder rememberedOutcomes(String rememberedOutcomes) {
            doSetProperty("rememberedOutcomes", rememberedOutcomes);
            return this;
        }

        /**
         * Decides which Camel headers become message user properties and which user properties become
         * headers. The default passes everything except Camel's own headers.
         */
        default RocketMQTxEndpointProducerBuilder headerFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
            doSetProperty("headerFilterStrategy", headerFilterStrategy);
            return this;
        }

        /**
         * The headerFilterStrategy option as a bean reference (#name).
         */
        default RocketMQTxEndpointProducerBuilder headerFilterStrategy(String headerFilterStrategy) {
            doSetProperty("headerFilterStrategy", headerFilterStrategy);
            return this;
        }

        /**
         * The transaction that the transactionLog entry (producer) or the idempotentRepository key (consumer)
         * shares with the route's database work: a Spring transaction policy (camel-spring). By default the
         * one transacted() would use: the SpringTransactionPolicy bean named PROPAGATION_REQUIRED, else the
         * only transaction policy, else the only PlatformTransactionManager in the registry. A transacted()
         * inside the route joins it.
         */
        default RocketMQTxEndpointProducerBuilder transactedPolicy(TransactedPolicy transactedPolicy) {
            doSetProperty("transactedPolicy", transactedPolicy);
            return this;
        }

        /**
         * The transactedPolicy option as a bean reference (#name).
         */
        default RocketMQTxEndpointProducerBuilder transactedPolicy(String transactedPolicy) {
            doSetProperty("transactedPolicy", transactedPolicy);
            return this;
        }

        /**
         * Access key for a broker with ACL enabled; used by the producer, the consumer and every other
         * client.
         */
        default RocketMQTxEndpointProducerBuilder accessKey(String accessKey) {
            doSetProperty("accessKey", accessKey);
            return this;
        }

        /**
         * Secret key that goes with the access key. Never logged.
         */
        default RocketMQTxEndpointProducerBuilder secretKey(String secretKey) {
            doSetProperty("secretKey", secretKey);
            return this;
        }

        /**
         * Connect over TLS: to the name server and brokers (namesrvAddr), or to the proxies (endpoints).
         * Required by servers that enforce TLS.
         * Default: {@code false}.
         */
        default RocketMQTxEndpointProducerBuilder useTls(boolean useTls) {
            doSetProperty("useTls", useTls);
            return this;
        }

        /**
         * The useTls option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointProducerBuilder useTls(String useTls) {
            doSetProperty("useTls", useTls);
            return this;
        }
    }

    /**
     * Builder for a rocketmq-tx endpoint before it is known to be a consumer or a producer: the common options keep
     * this type, a consumer or producer option narrows it to the consumer or producer builder.
     */
    interface RocketMQTxEndpointBuilder extends RocketMQTxEndpointConsumerBuilder, RocketMQTxEndpointProducerBuilder {

        /**
         * RocketMQ 5 proxy endpoint(s), host:port, several separated by ; (IP addresses only when several).
         * Selects the RocketMQ 5 gRPC protocol, which needs org.apache.rocketmq:rocketmq-client-java on the
         * classpath. Exactly one of namesrvAddr and endpoints is required.
         */
        default RocketMQTxEndpointBuilder endpoints(String endpoints) {
            doSetProperty("endpoints", endpoints);
            return this;
        }

        /**
         * Namespace (instance id) of a managed RocketMQ service. Applied to every client the component
         * creates, so topic and group names are written without it.
         */
        default RocketMQTxEndpointBuilder namespace(String namespace) {
            doSetProperty("namespace", namespace);
            return this;
        }

        /**
         * Name server address(es), host:port, several separated by ;. Selects RocketMQ's classic remoting
         * protocol. Exactly one of namesrvAddr and endpoints is required.
         */
        default RocketMQTxEndpointBuilder namesrvAddr(String namesrvAddr) {
            doSetProperty("namesrvAddr", namesrvAddr);
            return this;
        }

        /**
         * Decides which Camel headers become message user properties and which user properties become
         * headers. The default passes everything except Camel's own headers.
         */
        default RocketMQTxEndpointBuilder headerFilterStrategy(HeaderFilterStrategy headerFilterStrategy) {
            doSetProperty("headerFilterStrategy", headerFilterStrategy);
            return this;
        }

        /**
         * The headerFilterStrategy option as a bean reference (#name).
         */
        default RocketMQTxEndpointBuilder headerFilterStrategy(String headerFilterStrategy) {
            doSetProperty("headerFilterStrategy", headerFilterStrategy);
            return this;
        }

        /**
         * The transaction that the transactionLog entry (producer) or the idempotentRepository key (consumer)
         * shares with the route's database work: a Spring transaction policy (camel-spring). By default the
         * one transacted() would use: the SpringTransactionPolicy bean named PROPAGATION_REQUIRED, else the
         * only transaction policy, else the only PlatformTransactionManager in the registry. A transacted()
         * inside the route joins it.
         */
        default RocketMQTxEndpointBuilder transactedPolicy(TransactedPolicy transactedPolicy) {
            doSetProperty("transactedPolicy", transactedPolicy);
            return this;
        }

        /**
         * The transactedPolicy option as a bean reference (#name).
         */
        default RocketMQTxEndpointBuilder transactedPolicy(String transactedPolicy) {
            doSetProperty("transactedPolicy", transactedPolicy);
            return this;
        }

        /**
         * Access key for a broker with ACL enabled; used by the producer, the consumer and every other
         * client.
         */
        default RocketMQTxEndpointBuilder accessKey(String accessKey) {
            doSetProperty("accessKey", accessKey);
            return this;
        }

        /**
         * Secret key that goes with the access key. Never logged.
         */
        default RocketMQTxEndpointBuilder secretKey(String secretKey) {
            doSetProperty("secretKey", secretKey);
            return this;
        }

        /**
         * Connect over TLS: to the name server and brokers (namesrvAddr), or to the proxies (endpoints).
         * Required by servers that enforce TLS.
         * Default: {@code false}.
         */
        default RocketMQTxEndpointBuilder useTls(boolean useTls) {
            doSetProperty("useTls", useTls);
            return this;
        }

        /**
         * The useTls option as text, for example a property placeholder.
         */
        default RocketMQTxEndpointBuilder useTls(String useTls) {
            doSetProperty("useTls", useTls);
            return this;
        }
    }

    /**
     * Mix into an {@code EndpointRouteBuilder} (or any class) to write {@code rocketMQTx("orders")} in routes.
     */
    interface RocketMQTxBuilders {

        /**
         * A rocketmq-tx endpoint on a topic: {@code rocketmq-tx:topic}.
         *
         * @param topic the topic the transactional messages go to and are consumed from
         */
        default RocketMQTxEndpointBuilder rocketMQTx(String topic) {
            return RocketMQTxEndpointBuilderFactory.endpointBuilder("rocketmq-tx", topic);
        }

        /**
         * A rocketmq-tx endpoint of a component registered under another name (for example one per cluster).
         *
         * @param componentName the name the component is registered under
         * @param topic         the topic
         */
        default RocketMQTxEndpointBuilder rocketMQTx(String componentName, String topic) {
            return RocketMQTxEndpointBuilderFactory.endpointBuilder(componentName, topic);
        }
    }

    /**
     * A rocketmq-tx endpoint on a topic, for a static import: {@code rocketmq-tx:topic}.
     *
     * @param topic the topic the transactional messages go to and are consumed from
     */
    static RocketMQTxEndpointBuilder rocketMQTx(String topic) {
        return endpointBuilder("rocketmq-tx", topic);
    }

    /**
     * A builder for the component registered under {@code componentName}.
     *
     * @param componentName the name the component is registered under
     * @param topic         the topic
     */
    static RocketMQTxEndpointBuilder endpointBuilder(String componentName, String topic) {
        class RocketMQTxEndpointBuilderImpl extends AbstractEndpointBuilder implements RocketMQTxEndpointBuilder {
            RocketMQTxEndpointBuilderImpl() {
                super(componentName, topic);
            }
        }
        return new RocketMQTxEndpointBuilderImpl();
    }
}
