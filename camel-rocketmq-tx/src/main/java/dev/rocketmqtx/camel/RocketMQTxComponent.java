package dev.rocketmqtx.camel;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.ObjectHelper;

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
        preferTheEndpointsChoice(endpointConfiguration, parameters);
        RocketMQTxEndpoint endpoint = new RocketMQTxEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpoint.validateOptions();
        return endpoint;
    }

    /**
     * The local transaction and the check each come in two forms that exclude each other (a route or a Processor).
     * An endpoint that names one form replaces the component's default in the other: otherwise a default set for
     * every endpoint (a starter property, say) would make each endpoint that chooses the other form fail as
     * configured twice. Both forms on the endpoint itself are still refused.
     */
    private static void preferTheEndpointsChoice(RocketMQTxConfiguration configuration, Map<String, Object> parameters) {
        if (names(parameters, "localTransaction")) {
            configuration.setLocalTransactionProcessor(null);
        }
        if (names(parameters, "localTransactionProcessor")) {
            configuration.setLocalTransaction(null);
        }
        if (names(parameters, "checkUri")) {
            configuration.setCheckProcessor(null);
        }
        if (names(parameters, "checkProcessor")) {
            configuration.setCheckUri(null);
        }
    }

    /** Whether the endpoint's options give the option a value (Camel matches option names ignoring case). */
    private static boolean names(Map<String, Object> parameters, String option) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (parameter.getKey().equalsIgnoreCase(option) && ObjectHelper.isNotEmpty(parameter.getValue())) {
                return true;
            }
        }
        return false;
    }

    public RocketMQTxConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: every endpoint starts from a copy of it. */
    public void setConfiguration(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }
}
