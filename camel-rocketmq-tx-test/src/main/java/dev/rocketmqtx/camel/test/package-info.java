/**
 * A real RocketMQ NameServer and Broker inside the test JVM, for tests and demos of the transactional
 * RocketMQ component.
 *
 * <pre>
 * &#64;ExtendWith(EmbeddedRocketMQExtension.class)
 * class OrderRouteTest {
 *     &#64;Test
 *     void commits(EmbeddedRocketMQ rocketMQ) {
 *         rocketMQ.createTopic("orders");
 *         rocketMQ.createRetryTopic("order-consumers");   // before the consumer starts
 *         ... clients use rocketMQ.namesrvAddr() ...
 *     }
 * }
 * </pre>
 *
 * <p>Things worth knowing when testing against it:
 * <ul>
 * <li>Run tests with {@code -Drocketmq.client.rebalance.minInterval=2000}, {@code -Duser.home} and
 * {@code -Djava.io.tmpdir} pointing into the build folder (RocksDB and the broker write there).</li>
 * <li>A fresh push consumer's first rebalance and heartbeat can collide; the broker then refuses its
 * pulls for 30 s. {@code DefaultMQPushConsumer.setPostSubscriptionWhenPull(true)} avoids it.</li>
 * <li>RocketMQ logs through its own shaded logback, configured by {@code rmq.logback-test.xml} in this
 * module: errors only, on stderr. The application's SLF4J binding is not involved.</li>
 * <li>{@link dev.rocketmqtx.camel.test.EmbeddedRocketMQ#main} runs a broker in its own JVM for demos
 * that kill the application.</li>
 * <li>{@link dev.rocketmqtx.camel.test.RocketMQProxy} runs a real RocketMQ 5 proxy in front of the broker, in a JVM
 * of its own, for RocketMQ 5 gRPC clients ({@code rocketmq-client-java}). Topics for transactional messages through
 * it must be created typed: {@code createTopic(topic, TopicMessageType.TRANSACTION)}. With the broker and the gRPC
 * client in one JVM, put {@code rocketmq-client-java} before this module among the test dependencies: both it and
 * the broker's {@code rocketmq-proto} contain the gRPC protocol classes, and the client needs its own copy.</li>
 * </ul>
 */
package dev.rocketmqtx.camel.test;
