package dev.rocketmqtx.example.orders;

import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The policy {@code transacted()} uses: a Spring transaction on the DataSourceTransactionManager that Spring Boot
 * configures for the application's DataSource, which the sql endpoints join.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfig {

    /** The bean name Camel looks up first for a plain {@code transacted()}. */
    @Bean("PROPAGATION_REQUIRED")
    public SpringTransactionPolicy propagationRequired(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }
}
