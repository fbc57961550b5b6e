package dev.rocketmqtx.camel.metrics;

import java.time.Duration;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees in JMX: the endpoint MBean's attributes after a commit, a rollback and an UNKNOWN that the
 * broker's check resolved.
 */
class EndpointStatisticsJmxTest extends RocketMQTxTestSupport {

    private static final String CHECKED_OPTIONS = "&checkProcessor=#commitCheck";

    @BindToRegistry("commitCheck")
    private final Processor commitCheck = e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");

    @Override
    public void configureTest(TestExecutionConfiguration configuration) {
        super.configureTest(configuration);
        configuration.withEnableJMX();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(CHECKED_OPTIONS));
                // The body is the status the local transaction decides.
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, body());
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void endpointMBeanCountsOutcomesChecksAndDeliveries() throws Exception {
        send("COMMIT");
        send("ROLLBACK");
        send("UNKNOWN");
        awaitDelivered("COMMIT", "UNKNOWN");

        ObjectName producer = objectName(producerEndpoint(CHECKED_OPTIONS));
        await().atMost(Duration.ofSeconds(30)).until(() -> (Long) attribute(producer, "CheckCommitCount") == 1);
        assertThat(attribute(producer, "Topic")).isEqualTo(topic);
        assertThat(attribute(producer, "CommittedCount")).isEqualTo(1L);
        assertThat(attribute(producer, "RolledBackCount")).isEqualTo(1L);
        assertThat(attribute(producer, "UnknownCount")).isEqualTo(1L);
        assertThat(attribute(producer, "LocalTransactionFailureCount")).isEqualTo(0L);
        assertThat(attribute(producer, "HalfMessageFailureCount")).isEqualTo(0L);
        assertThat((Long) attribute(producer, "CheckCount")).isGreaterThanOrEqualTo(1L);
        assertThat(attribute(producer, "CheckRollbackCount")).isEqualTo(0L);
        assertThat((Double) attribute(producer, "CheckMeanMillis")).isPositive();
        assertThat((Double) attribute(producer, "CheckMaxMillis"))
                .isGreaterThanOrEqualTo((Double) attribute(producer, "CheckMeanMillis"));
        assertThat(attribute(producer, "InFlightCount")).isEqualTo(0);

        ObjectName consumer = objectName(context.getEndpoint(consumerUri(""), RocketMQTxEndpoint.class));
        assertThat(attribute(consumer, "ConsumedCount")).isEqualTo(2L);
        assertThat(attribute(consumer, "ConsumeFailureCount")).isEqualTo(0L);
    }

    private ObjectName objectName(RocketMQTxEndpoint endpoint) throws Exception {
        ObjectName name = context.getManagementStrategy().getManagementObjectNameStrategy()
                .getObjectNameForEndpoint(endpoint);
        assertThat(mbeanServer().isRegistered(name)).as("endpoint MBean %s is registered", name).isTrue();
        return name;
    }

    private Object attribute(ObjectName name, String attribute) throws Exception {
        return mbeanServer().getAttribute(name, attribute);
    }

    private MBeanServer mbeanServer() {
        return context.getManagementStrategy().getManagementAgent().getMBeanServer();
    }
}
