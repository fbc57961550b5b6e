/**
 * A RocketMQ name server and broker in a Docker container, with Testcontainers, for tests of the transactional
 * RocketMQ component against a broker in its own process, of a RocketMQ version of your choice.
 *
 * <pre>
 * &#64;ExtendWith(RocketMQContainerExtension.class)
 * class OrderRouteTest {
 *     &#64;Test
 *     void commits(RocketMQContainer rocketMQ) {
 *         rocketMQ.createTopic("orders");
 *         rocketMQ.createRetryTopic("order-consumers");   // before the consumer starts
 *         ... clients use rocketMQ.namesrvAddr() ...
 *     }
 * }
 * </pre>
 *
 * <p>{@link dev.rocketmqtx.camel.testcontainers.RocketMQImage} builds the image from RocketMQ's jars (from Maven
 * repositories) on a Java base image; {@link dev.rocketmqtx.camel.testcontainers.RocketMQContainer} runs it with
 * the broker advertising the address clients on this machine can reach.
 */
package dev.rocketmqtx.camel.testcontainers;
