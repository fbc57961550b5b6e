package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;

/** One run of the order service on Camel Main: places the demo orders and waits until they have all settled. */
public final class QuickstartRun {

    /**
     * How long a local transaction may take. A check rolls back a transaction that the log does not hold only once its
     * half message is older than this, since until then its local transaction could still commit somewhere. Short for
     * the demo; an application keeps the default (60 s) or more.
     */
    public static final Duration LOCAL_TRANSACTION_TIMEOUT = Duration.ofSeconds(4);

    private QuickstartRun() {
    }

    /**
     * @param checkWindow how long after the last send a rolled-back message could still (wrongly) show up: the
     *                    broker's transaction timeout plus one check interval, with a margin
     * @param timeout     how long to wait for every order to be decided and delivered before giving up
     */
    public static QuickstartReport run(String namesrvAddr, Duration checkWindow, Duration timeout) throws Exception {
        String runId = UUID.randomUUID().toString();
        JdbcDataSource dataSource = new JdbcDataSource();
        // An in-memory database that lives as long as the JVM; any JDBC DataSource would do.
        dataSource.setURL("jdbc:h2:mem:orders-" + runId + ";DB_CLOSE_DELAY=-1");
        OrderRepository repository = new OrderRepository(dataSource);
        repository.createTable();
        OrderLedger ledger = new OrderLedger(runId);
        OrderRoutes routes = new OrderRoutes(namesrvAddr, LOCAL_TRANSACTION_TIMEOUT, repository, ledger);

        Main main = new Main();
        // The database transaction of the local transaction and of the shipping route; the component finds it as
        // transacted() does (the only transaction manager in the registry).
        main.bind("transactionManager", new DemoTransactionManager(dataSource));
        // Both repositories write through the transaction manager's DataSource, so each entry commits with the
        // route's own work: the log entry with the order row, shipping's key with what shipping does.
        main.bind(OrderRoutes.ORDER_LOG, new JdbcMessageIdRepository(dataSource, "order-service"));
        main.bind(OrderRoutes.SHIPPED_ORDERS, new JdbcMessageIdRepository(dataSource, "shipping"));
        main.configure().addRoutesBuilder(routes);
        long startNanos = System.nanoTime();
        main.start();
        System.out.printf("Camel started in %.1f s%n", seconds(startNanos));
        try {
            CamelContext context = main.getCamelContext();
            RocketMQTxEndpoint producer = context.getEndpoint(routes.producerUri(), RocketMQTxEndpoint.class);
            RocketMQTxEndpoint consumer = context.getEndpoint(routes.consumerUri(), RocketMQTxEndpoint.class);
            ProducerTemplate template = context.createProducerTemplate();
            for (Order order : Order.demoOrders()) {
                Exchange placed = template.send("direct:placeOrder", exchange -> {
                    exchange.setProperty(OrderRoutes.ORDER, order);
                    exchange.getMessage().setBody(order.toBody());
                    exchange.getMessage().setHeader("orderId", order.id());
                    exchange.getMessage().setHeader(OrderRoutes.RUN_ID, runId);
                });
                // A failure leaves the exception on the exchange; the status says what became of the message.
                ledger.sent(order.id(), placed.getMessage().getHeader(RocketMQTxConstants.STATUS, TransactionStatus.class));
            }
            System.out.printf("%d orders placed in %.1f s%n", ledger.sendOutcomes().size(), seconds(startNanos));
            boolean settled = awaitCondition(() -> ledger.settled(checkWindow, producer.getCheckRollbackCount()),
                    timeout);
            if (settled) {
                System.out.printf("All orders settled after %.1f s (including a %d s check window)%n",
                        seconds(startNanos), checkWindow.toSeconds());
            } else {
                System.err.println("Gave up after " + timeout.toSeconds() + " s, still waiting for "
                                   + ledger.waitingFor(producer.getCheckRollbackCount()));
            }
            QuickstartReport.CheckAnswers checkAnswers = new QuickstartReport.CheckAnswers(
                    producer.getCheckCommitCount(), producer.getCheckRollbackCount(), producer.getCheckUnknownCount());
            return new QuickstartReport(ledger.sendOutcomes(), ledger.checkDecisions(checkAnswers.rollback()),
                    checkAnswers, ledger.shipped(), consumer.getConsumedDuplicateCount(), repository.ids(),
                    ledger.fromEarlierRuns(), settled, LOCAL_TRANSACTION_TIMEOUT);
        } finally {
            main.stop();
        }
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    private static boolean awaitCondition(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
