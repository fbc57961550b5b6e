package dev.rocketmqtx.camel.springboot;

import dev.rocketmqtx.camel.RocketMQTxComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies the {@code camel.component.rocketmq-tx.*} properties to the {@code rocketmq-tx} component when Camel
 * creates it, the way Camel's own starters do: a {@link ComponentCustomizer} copies every property that is set.
 * {@code camel.component.rocketmq-tx.enabled=false} (or {@code camel.component.enabled=false}) turns it off, and
 * {@code camel.component.rocketmq-tx.customizer.enabled=false} keeps the customizer from running.
 */
@AutoConfiguration(after = {CamelAutoConfiguration.class, RocketMQTxComponentConverter.class})
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ComponentConfigurationProperties.class, RocketMQTxComponentConfiguration.class})
@ConditionalOnHierarchicalProperties({"camel.component", "camel.component.rocketmq-tx"})
public class RocketMQTxComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final RocketMQTxComponentConfiguration configuration;

    public RocketMQTxComponentAutoConfiguration(ApplicationContext applicationContext,
                                                RocketMQTxComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureRocketMQTxComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.rocketmq-tx.customizer")
                       && target instanceof RocketMQTxComponent;
            }
        };
    }
}
