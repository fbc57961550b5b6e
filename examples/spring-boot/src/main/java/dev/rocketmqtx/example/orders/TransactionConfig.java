package dev.rocketmqtx.example.orders;

import javax.sql.DataSource;

import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The database transaction of the routes: the DataSourceTransactionManager that Spring Boot configures for the
 * application's DataSource, which the sql endpoints join; and the two JDBC repositories that write in it.
 */
@Configuration(proxyBeanMethods = false)
public class TransactionConfig {

    /**
     * The bean name Camel looks up first for a plain {@code transacted()}; the component opens the transaction of
     * the local transaction and of the shipping route with it too.
     */
    @Bean("PROPAGATION_REQUIRED")
    public SpringTransactionPolicy propagationRequired(PlatformTransactionManager transactionManager) {
        SpringTransactionPolicy policy = new SpringTransactionPolicy(transactionManager);
        policy.setPropagationBehaviorName("PROPAGATION_REQUIRED");
        return policy;
    }

    /**
     * The producer's transaction log (option transactionLog): the transaction id of each committed local transaction,
     * written in the same database transaction as the order. It answers the broker's checks, on any instance.
     */
    @Bean
    public JdbcMessageIdRepository orderLog(DataSource dataSource) {
        return new JdbcMessageIdRepository(dataSource, "order-log");
    }

    /**
     * Shipping's consumed transactions (option idempotentRepository), written in the shipping route's database
     * transaction: a second delivery of an order is acknowledged without reaching the route.
     */
    @Bean
    public JdbcMessageIdRepository shippedOrders(DataSource dataSource) {
        return new JdbcMessageIdRepository(dataSource, "shipping");
    }
}
