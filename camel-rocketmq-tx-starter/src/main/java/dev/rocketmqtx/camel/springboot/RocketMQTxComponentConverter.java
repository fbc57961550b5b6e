package dev.rocketmqtx.camel.springboot;

import java.util.Set;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import org.apache.camel.Processor;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.TransactedPolicy;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

/**
 * Lets the options whose value is an object ({@code check-processor}, {@code header-filter-strategy},
 * {@code configuration}, {@code transaction-log}, {@code idempotent-repository}, {@code transacted-policy}) name a
 * Spring bean in properties: {@code #bean:orderChecker} or {@code #orderChecker}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
@Component
public class RocketMQTxComponentConverter implements GenericConverter {

    private static final Set<Class<?>> BEAN_TYPES
            = Set.of(Processor.class, HeaderFilterStrategy.class, RocketMQTxConfiguration.class,
                    IdempotentRepository.class, TransactedPolicy.class);

    private final ApplicationContext applicationContext;

    public RocketMQTxComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        return BEAN_TYPES.stream().map(type -> new ConvertiblePair(String.class, type)).collect(Collectors.toSet());
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !BEAN_TYPES.contains(targetType.getType())) {
            return null;
        }
        String ref = source.toString();
        if (!ref.startsWith("#")) {
            // Not a reference: Spring's binder reports the value as not convertible to the option's type.
            return null;
        }
        String name = ref.startsWith("#bean:") ? ref.substring("#bean:".length()) : ref.substring(1);
        return applicationContext.getBean(name, targetType.getType());
    }
}
