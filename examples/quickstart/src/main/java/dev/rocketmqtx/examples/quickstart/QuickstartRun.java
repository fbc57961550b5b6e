package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.h2.jdbcx.JdbcDataSource;

/** One run of the order service on Camel Main: places the demo orders and waits until they have all settled. */
public final class QuickstartRun {

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

        Main main = new Main();
        main.bind("orderCheck", new OrderCheck(repository, ledger));
        main.configure().addRoutesBuilder(new OrderRoutes(namesrvAddr, repository, ledger));
        long startNanos = System.nanoTime();
        main.start();
        System.out.printf("Camel started in %.1f s%n", seconds(startNanos));
        try {
            ProducerTemplate template = main.getCamelContext().createProducerTemplate();
            for (Order order : Order.demoOrders()) {
                Exchange placed = template.send("direct:placeOrder", exchange -> {
                    exchange.setProperty(OrderRoutes.ORDER, order);
                    exchange.getMessage().setBody(order.toBody());
                    exchange.getMessage().setHeader("orderId", order.id());
                    exchange.getMessage().setHeader(OrderRoutes.RUN_ID, runId);
                });
                // Failed validation leaves the exception on the exchange; the status says what became of the message.
                ledger.sent(order.id(), placed.getMessage().getHeader(RocketMQTxConstants.STATUS, TransactionStatus.class));
            }
            System.out.printf("%d orders placed in %.1f s%n", ledger.sendOutcomes().size(), seconds(startNanos));
            boolean settled = awaitCondition(() -> ledger.settled(checkWindow), timeout);
            if (settled) {
                System.out.printf("All orders settled after %.1f s (including a %d s check window)%n",
                        seconds(startNanos), checkWindow.toSeconds());
            } else {
                System.err.println("Gave up after " + timeout.toSeconds() + " s, still waiting for " + ledger.waitingFor());
            }
            return new QuickstartReport(ledger.sendOutcomes(), ledger.checkAnswers(), ledger.shipped(),
                    repository.ids(), ledger.fromEarlierRuns(), settled);
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
