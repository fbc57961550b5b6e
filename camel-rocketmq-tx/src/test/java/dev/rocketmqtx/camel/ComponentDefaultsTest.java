package dev.rocketmqtx.camel;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Options set on the component are every endpoint's defaults, and an endpoint's own choice wins: one that names a
 * local-transaction route or a check route uses it although the component sets the Processor form of the same
 * thing (as a Spring Boot property would for every endpoint), and the other way round.
 */
class ComponentDefaultsTest extends RocketMQTxTestSupport {

    /** Bodies in the order the component's default Processors saw them. */
    private final List<String> componentLocalTransactions = new CopyOnWriteArrayList<>();
    private final List<String> componentChecks = new CopyOnWriteArrayList<>();
    private final List<String> routeLocalTransactions = new CopyOnWriteArrayList<>();
    private final List<String> routeChecks = new CopyOnWriteArrayList<>();
    private final Processor endpointProcessor = exchange -> {
    };
    private final Processor componentLocalTransaction = exchange -> componentLocalTransactions.add(bodyOf(exchange));
    // The component's check rolls back, which would lose a message that the endpoint's check route commits.
    private final Processor componentCheck = exchange -> {
        componentChecks.add(bodyOf(exchange));
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                RocketMQTxConfiguration defaults = getContext().getComponent("rocketmq-tx", RocketMQTxComponent.class)
                        .getConfiguration();
                defaults.setLocalTransactionProcessor(componentLocalTransaction);
                defaults.setCheckProcessor(componentCheck);

                from("direct:send").to(producerUri(""));
                from("direct:local").process(exchange -> routeLocalTransactions.add(bodyOf(exchange)));

                from("direct:sendWithComponentDefaults").to(uriWithoutLocalTransaction("defaults", ""));

                from("direct:sendUncertain")
                        .to(uriWithoutLocalTransaction("check-route", "&localTransaction=direct:uncertain&checkUri=direct:check"));
                from("direct:uncertain").setHeader(RocketMQTxConstants.STATUS, constant(TransactionStatus.UNKNOWN));
                from("direct:check").process(exchange -> {
                    routeChecks.add(bodyOf(exchange));
                    exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.COMMIT);
                });

                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    /** Its own producer group: endpoints of one topic that share a group must answer checks the same way. */
    private String uriWithoutLocalTransaction(String group, String options) {
        return producerUri(options).replace("&localTransaction=direct:local", "")
                .replace("producerGroup=" + producerGroup, "producerGroup=" + producerGroup + "-" + group);
    }

    private static String bodyOf(Exchange exchange) {
        return exchange.getMessage().getBody(String.class);
    }

    @Test
    void endpointWithoutALocalTransactionOfItsOwnRunsTheComponentsProcessor() {
        Exchange result = template.send("direct:sendWithComponentDefaults", e -> e.getMessage().setBody("default-1"));

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(componentLocalTransactions).containsExactly("default-1");
        awaitDelivered("default-1");
    }

    @Test
    void endpointsLocalTransactionRouteReplacesTheComponentsProcessor() {
        Exchange result = send("route-1");

        assertThat(result.getException()).isNull();
        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(routeLocalTransactions).containsExactly("route-1");
        assertThat(componentLocalTransactions).isEmpty();
        awaitDelivered("route-1");
    }

    @Test
    void endpointsCheckRouteReplacesTheComponentsCheckProcessor() {
        Exchange result = template.send("direct:sendUncertain", e -> e.getMessage().setBody("uncertain-1"));

        assertThat(result.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("uncertain-1");
        assertThat(routeChecks).contains("uncertain-1");
        assertThat(componentChecks).isEmpty();
    }

    @Test
    void optionsNamedWithDashesReplaceTheComponentsProcessorsToo() {
        RocketMQTxConfiguration options = context.getEndpoint(uriWithoutLocalTransaction("dashes",
                "&local-transaction=direct:local&check-uri=direct:check"), RocketMQTxEndpoint.class).getConfiguration();

        assertThat(options.getLocalTransaction()).isEqualTo("direct:local");
        assertThat(options.getLocalTransactionProcessor()).isNull();
        assertThat(options.getCheckUri()).isEqualTo("direct:check");
        assertThat(options.getCheckProcessor()).isNull();
    }

    @Test
    void endpointsProcessorsReplaceTheComponentsRoutes() {
        RocketMQTxComponent routes = new RocketMQTxComponent();
        routes.getConfiguration().setLocalTransaction("direct:local");
        routes.getConfiguration().setCheckUri("direct:check");
        context.addComponent("rocketmq-tx-routes", routes);
        context.getRegistry().bind("endpointProcessor", endpointProcessor);

        RocketMQTxConfiguration options = context.getEndpoint(uriWithoutLocalTransaction("processors",
                "&localTransactionProcessor=#endpointProcessor&checkProcessor=#endpointProcessor")
                .replace("rocketmq-tx:", "rocketmq-tx-routes:"), RocketMQTxEndpoint.class).getConfiguration();

        assertThat(options.getLocalTransactionProcessor()).isSameAs(endpointProcessor);
        assertThat(options.getLocalTransaction()).isNull();
        assertThat(options.getCheckProcessor()).isSameAs(endpointProcessor);
        assertThat(options.getCheckUri()).isNull();
    }

    @Test
    void bothFormsOnOneEndpointAreStillRefused() {
        context.getRegistry().bind("endpointProcessor", endpointProcessor);

        assertThatThrownBy(() -> context.getEndpoint(uriWithoutLocalTransaction("both",
                "&localTransaction=direct:uncertain&localTransactionProcessor=#endpointProcessor")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("localTransaction and localTransactionProcessor are mutually exclusive");
    }

    @Test
    void bothFormsOnOneEndpointAreRefusedAlthoughOneIsTheComponentsDefault() {
        context.getRegistry().bind("componentLocalTransaction", componentLocalTransaction);
        context.getRegistry().bind("componentCheck", componentCheck);

        assertThatThrownBy(() -> context.getEndpoint(uriWithoutLocalTransaction("both-local",
                "&localTransaction=direct:uncertain&localTransactionProcessor=#componentLocalTransaction")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("localTransaction and localTransactionProcessor are mutually exclusive");
        assertThatThrownBy(() -> context.getEndpoint(uriWithoutLocalTransaction("both-check",
                "&localTransaction=direct:uncertain&checkUri=direct:check&checkProcessor=#componentCheck")))
                .isInstanceOf(ResolveEndpointFailedException.class)
                .hasMessageContaining("checkProcessor and checkUri are mutually exclusive");
    }
}
