package dev.rocketmqtx.camel.transactionlog;

import dev.rocketmqtx.camel.StartFailures;
import dev.rocketmqtx.camel.OrderDatabase;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcCachedMessageIdRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;


/**
 * A transaction log that could not be written in the local transaction's own database transaction is refused when
 * the route starts, naming the option: an entry committed apart from its local transaction answers checks wrongly
 * after a crash between the two.
 */
class TransactionLogValidationTest {

    private static final String PRODUCER = "rocketmq-tx:orders?namesrvAddr=127.0.0.1:9876&producerGroup=pg"
                                           + "&localTransaction=direct:local&transactionLog=#log";

    private final OrderDatabase database = new OrderDatabase("validation-" + System.nanoTime());

    @Test
    void memoryRepositoryIsRefused() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("log", new MemoryIdempotentRepository());

        assertRouteFails(context, "transactionLog=MemoryIdempotentRepository cannot write in the local transaction's"
                                  + " database transaction");
    }

    @Test
    void jdbcRepositoryOnAnotherDataSourceIsRefused() {
        OrderDatabase other = new OrderDatabase("validation-other-" + System.nanoTime());
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("log", other.repository("orders-tx"));

        assertRouteFails(context, "another DataSource than the transaction manager");
    }

    @Test
    void cachedJdbcRepositoryIsRefused() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("log", new JdbcCachedMessageIdRepository(database.dataSource(), "orders-tx"));

        assertRouteFails(context, "keeps a key in its cache even when the transaction that added it rolls back");
    }

    @Test
    void logWithoutATransactionManagerIsRefused() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("log", database.repository("orders-tx"));

        assertRouteFails(context, "transactionLog needs the database transaction of the local transaction");
    }

    @Test
    void severalTransactionManagersWithoutTransactedPolicyAreRefused() {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("otherTransactionManager",
                new OrderDatabase("validation-third-" + System.nanoTime()).transactionManager());
        context.getRegistry().bind("log", database.repository("orders-tx"));

        assertRouteFails(context, "set the option transactedPolicy");
    }

    private static void assertRouteFails(CamelContext context, String expected) {
        StartFailures.assertFailsToStart(context, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(PRODUCER);
                from("direct:local").log("local");
            }
        }, expected);
    }

}
