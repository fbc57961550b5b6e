package dev.rocketmqtx.camel.transaction;

import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.TransactedPolicy;
import org.apache.camel.spring.spi.SpringTransactionPolicy;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The lookup of {@link TransactionBoundaries} when camel-spring is present; the same order transacted() uses. */
final class SpringTransactions {

    /** The bean name transacted() looks for first. */
    private static final String REQUIRED_POLICY = "PROPAGATION_REQUIRED";

    private SpringTransactions() {
    }

    static TransactionBoundary resolve(CamelContext context, TransactedPolicy configured) {
        if (configured != null) {
            if (configured instanceof SpringTransactionPolicy spring) {
                return of(spring);
            }
            throw new IllegalArgumentException("Option transactedPolicy=" + configured.getClass().getName()
                                               + " cannot be used: only Spring transaction policies"
                                               + " (SpringTransactionPolicy) are supported");
        }
        Registry registry = context.getRegistry();
        SpringTransactionPolicy named = registry.lookupByNameAndType(REQUIRED_POLICY, SpringTransactionPolicy.class);
        if (named != null) {
            return of(named);
        }
        Set<SpringTransactionPolicy> policies = registry.findByType(SpringTransactionPolicy.class);
        if (policies.size() == 1) {
            return of(policies.iterator().next());
        }
        Set<PlatformTransactionManager> managers = registry.findByType(PlatformTransactionManager.class);
        if (policies.size() > 1 || managers.size() > 1) {
            throw new IllegalArgumentException("The registry holds several transaction policies or managers: set"
                                               + " the option transactedPolicy to the one the route's database work"
                                               + " uses");
        }
        if (managers.size() == 1) {
            return new SpringTransactionBoundary(managers.iterator().next(),
                    new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_REQUIRED));
        }
        return null;
    }

    private static TransactionBoundary of(SpringTransactionPolicy policy) {
        TransactionTemplate template = policy.getTransactionTemplate();
        return new SpringTransactionBoundary(template.getTransactionManager(), template);
    }
}
