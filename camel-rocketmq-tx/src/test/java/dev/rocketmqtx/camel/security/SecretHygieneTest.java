package dev.rocketmqtx.camel.security;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.TestExecutionConfiguration;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;

import static dev.rocketmqtx.camel.security.AccessControlledBroker.ORDER_SERVICE;
import static dev.rocketmqtx.camel.security.AccessControlledBroker.ORDER_SERVICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secret key never shows: not in logs (the component's at DEBUG, RocketMQ's clients and servers at INFO, Camel's),
 * exception messages and stack traces, endpoint URIs as Camel shows them, or JMX attributes, across a run with a
 * commit, a check, a consumed message and a refused authentication.
 */
@OwnJvm
class SecretHygieneTest extends SecurityTestSupport {

    /** Started before the broker and the Camel context, so that it sees everything they log. */
    private static final LogCapture LOGS = LogCapture.start();
    private static final EmbeddedRocketMQ BROKER = AccessControlledBroker.get();
    private static final String WRONG_SECRET = "wrong-secret-" + UUID.randomUUID();

    @BindToRegistry("commitCheck")
    private final Processor commitCheck = e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");

    SecretHygieneTest() {
        AccessControlledBroker.createTopic(topic, consumerGroup);
    }

    @Override
    public void configureTest(TestExecutionConfiguration testExecutionConfiguration) {
        super.configureTest(testExecutionConfiguration);
        testExecutionConfiguration.withJMX(true);
    }

    private String producerUri(String group, String secretKey) {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&producerGroup=" + group
               + "&localTransaction=direct:local&checkProcessor=#commitCheck&accessKey=" + ORDER_SERVICE
               + "&secretKey=RAW(" + secretKey + ")";
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(producerGroup, ORDER_SERVICE_SECRET));
                from("direct:sendWithWrongSecret").to(producerUri(unique("pg"), WRONG_SECRET));
                from("direct:local")
                        .filter(body().startsWith("unknown"))
                        .setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
                // The usual way to keep a secret out of the route's source; Camel masks the resolved URI.
                getContext().getPropertiesComponent().addInitialProperty("rocketmq.secretKey", ORDER_SERVICE_SECRET);
                from("rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + "&consumerGroup="
                     + consumerGroup + "&accessKey=" + ORDER_SERVICE + "&secretKey=RAW({{rocketmq.secretKey}})")
                        .process(e -> recordDelivery(e));
            }
        };
    }

    @Test
    void secretsAppearInNoLogLineOrExceptionDuringARunWithAFailedAuthentication() {
        send("direct:send", "order-1");
        send("direct:send", "unknown-1");
        Exchange refused = send("direct:sendWithWrongSecret", "order-2");
        awaitDelivered("order-1");
        awaitDelivered("unknown-1");

        assertThat(refused.getException()).isInstanceOf(HalfMessageNotStoredException.class);
        assertThat(LogCapture.stackTrace(refused.getException()))
                .doesNotContain(ORDER_SERVICE_SECRET).doesNotContain(WRONG_SECRET);
        // The capture works: it saw the refusal.
        assertThat(LOGS.lines()).anyMatch(line -> line.contains("check signature failed"));
        assertThat(LOGS.lines()).isNotEmpty().noneMatch(line -> line.contains(ORDER_SERVICE_SECRET))
                .noneMatch(line -> line.contains(WRONG_SECRET));
    }

    @Test
    void endpointUrisAsCamelShowsThemMaskTheSecret() {
        RocketMQTxEndpoint endpoint = context.getEndpoint(producerUri(producerGroup, ORDER_SERVICE_SECRET),
                RocketMQTxEndpoint.class);

        assertThat(endpoint.toString()).contains(topic).doesNotContain(ORDER_SERVICE_SECRET);
        assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(ORDER_SERVICE_SECRET);
        for (Route route : context.getRoutes()) {
            assertThat(route.toString()).doesNotContain(ORDER_SERVICE_SECRET);
            assertThat(route.getEndpoint().toString()).doesNotContain(ORDER_SERVICE_SECRET);
        }
    }

    @Test
    void noJmxAttributeOrNameShowsTheSecret() throws Exception {
        send("direct:send", "order-3");

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> shown = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            shown.add(name.toString());
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.isReadable()) {
                    shown.add(name + " " + attribute.getName() + "=" + readQuietly(server, name, attribute));
                }
            }
        }

        // The capture works: the producer endpoint's MBean is among them.
        assertThat(shown).anyMatch(line -> line.contains("rocketmq-tx") && line.contains("EndpointUri="));
        assertThat(shown).noneMatch(line -> line.contains(ORDER_SERVICE_SECRET));
    }

    private static String readQuietly(MBeanServer server, ObjectName name, MBeanAttributeInfo attribute) {
        try {
            Object value = server.getAttribute(name, attribute.getName());
            return value instanceof Object[] array ? Arrays.deepToString(array) : String.valueOf(value);
        } catch (Exception | LinkageError e) {
            return "<unreadable: " + e.getClass().getSimpleName() + ">";
        }
    }
}
