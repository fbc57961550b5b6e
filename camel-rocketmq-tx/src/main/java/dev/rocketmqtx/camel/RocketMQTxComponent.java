package dev.rocketmqtx.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

/**
 * The {@code rocketmq-tx:} component. Options set on the component (for example the name server, namespace and
 * credentials of a managed service) are the defaults of every endpoint.
 * <p>
 * Its producers and consumers report readiness to Camel's health checks (options healthCheckProducerEnabled and
 * healthCheckConsumerEnabled); Camel keeps producer checks off until they are enabled for the context.
 */
@Component("rocketmq-tx")
public class RocketMQTxComponent extends HealthCheckComponent {

    @Metadata(label = "advanced")
    private RocketMQTxConfiguration configuration = new RocketMQTxConfiguration();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RocketMQTxConfiguration endpointConfiguration = configuration.copy();
        endpointConfiguration.setTopic(remaining);
        withoutTheTwoFormOptions(endpointConfiguration);
        RocketMQTxEndpoint endpoint = new RocketMQTxEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        defaultWhereTheEndpointChoseNeitherForm(endpointConfiguration);
        endpoint.validateOptions();
        return endpoint;
    }

    /**
     * The local transaction and the check each come in two forms that exclude each other (a route or a Processor).
     * An endpoint that sets one form replaces the component's default in the other: otherwise a default set for
     * every endpoint (a starter property, say) would make each endpoint that chooses the other form fail as
     * configured twice. Both forms set on the endpoint itself are still refused. So the endpoint's options are bound
     * with both forms empty: what is set afterwards is the endpoint's own choice, however the option was spelled and
     * whatever its value, and the component's defaults fill in only where it chose neither.
     */
    private static void withoutTheTwoFormOptions(RocketMQTxConfiguration endpoint) {
        endpoint.setLocalTransaction(null);
        endpoint.setLocalTransactionProcessor(null);
        endpoint.setCheckUri(null);
        endpoint.setCheckProcessor(null);
    }

    private void defaultWhereTheEndpointChoseNeitherForm(RocketMQTxConfiguration endpoint) {
        if (endpoint.getLocalTransaction() == null && endpoint.getLocalTransactionProcessor() == null) {
            endpoint.setLocalTransaction(configuration.getLocalTransaction());
            endpoint.setLocalTransactionProcessor(configuration.getLocalTransactionProcessor());
        }
        if (endpoint.getCheckUri() == null && endpoint.getCheckProcessor() == null) {
            endpoint.setCheckUri(configuration.getCheckUri());
            endpoint.setCheckProcessor(configuration.getCheckProcessor());
        }
    }

    public RocketMQTxConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: every endpoint starts from a copy of it. */
    public void setConfiguration(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }
}
