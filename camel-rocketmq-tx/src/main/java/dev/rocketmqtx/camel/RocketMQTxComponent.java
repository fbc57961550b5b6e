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
        RocketMQTxEndpoint endpoint = new RocketMQTxEndpoint(uri, this, endpointConfiguration);
        setProperties(endpoint, parameters);
        endpoint.validateOptions();
        return endpoint;
    }

    public RocketMQTxConfiguration getConfiguration() {
        return configuration;
    }

    /** The shared configuration: every endpoint starts from a copy of it. */
    public void setConfiguration(RocketMQTxConfiguration configuration) {
        this.configuration = configuration;
    }
}
