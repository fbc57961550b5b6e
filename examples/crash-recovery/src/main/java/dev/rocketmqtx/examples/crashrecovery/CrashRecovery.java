package dev.rocketmqtx.examples.crashrecovery;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQConfig;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The scenario: instance 1 commits an order and its transaction log entry to the database and dies (SIGKILL) before
 * telling the broker; instance 2 starts in the same producer group, the broker asks it about the half message, the
 * log holds the transaction and it commits, and shipping receives the order exactly once. No check code anywhere.
 */
public final class CrashRecovery {

    public static final String ORDER_ID = "order-42";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    /** Longer than the embedded broker's transaction timeout plus a check interval: time for any duplicate to show. */
    private static final Duration DUPLICATE_WINDOW = Duration.ofSeconds(4);

    private CrashRecovery() {
    }

    /**
     * What shipping received and what the database holds for the order, with the timeline that led there.
     *
     * @param deliveries          how many times the order reached the shipping route
     * @param duplicatesNotRouted deliveries of it that shipping's idempotentRepository acknowledged without routing
     */
    public record Result(int deliveries, long duplicatesNotRouted, int rows, List<String> timeline) {
        public boolean exactlyOnce() {
            return deliveries == 1 && rows == 1;
        }
    }

    /**
     * A broker in this JVM that keeps asking about an unresolved half message for a minute. Check rounds with no
     * producer of the group online count too, and past transactionCheckMax the broker gives the message up (neither
     * delivered nor rolled back). A real broker checks 15 times, a minute apart; this one checks every second, so it
     * gets 60 checks to outlast a replacement instance starting on a busy machine.
     */
    public static EmbeddedRocketMQ startBroker() {
        EmbeddedRocketMQ broker = EmbeddedRocketMQ.start(EmbeddedRocketMQConfig.defaults().transactionCheckMax(60));
        broker.createTopic("orders");
        broker.createRetryTopic("shipping");
        return broker;
    }

    public static Result run(String namesrvAddr, Path workDir) throws Exception {
        Timeline timeline = new Timeline();
        String jdbcUrl = OrderTable.jdbcUrl(workDir);
        List<String> shipped = new CopyOnWriteArrayList<>();

        String shippingUri = "rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&consumerGroup=shipping"
                             + "&idempotentRepository=#shippedOrders";
        long duplicatesNotRouted;
        try (CamelContext shipping = new DefaultCamelContext()) {
            // Shipping's own database: its idempotency keys commit in the shipping route's database transaction.
            JdbcDataSource shippingDatabase = new JdbcDataSource();
            shippingDatabase.setURL("jdbc:h2:mem:shipping-" + workDir.getFileName() + ";DB_CLOSE_DELAY=-1");
            shipping.getRegistry().bind("transactionManager", new DataSourceTransactionManager(shippingDatabase));
            shipping.getRegistry().bind("shippedOrders", new JdbcMessageIdRepository(shippingDatabase, "shipping"));
            shipping.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(shippingUri)
                            .process(e -> {
                                String orderId = e.getMessage().getHeader("orderId", String.class);
                                shipped.add(orderId);
                                timeline.add("shipping", "received " + orderId);
                            });
                }
            });
            shipping.start();
            timeline.add("demo", "broker at " + namesrvAddr + ", shipping consumer started");

            InstanceProcess first = InstanceProcess.start("instance-1", workDir, timeline,
                    namesrvAddr, jdbcUrl, "place", ORDER_ID);
            await("instance-1 to commit the row", () -> timeline.contains("instance-1", OrderServiceRoutes.ROW_COMMITTED));
            first.kill();
            timeline.add("demo", "instance-1 (pid " + first.pid() + ") killed with SIGKILL before it sent COMMIT");

            InstanceProcess second = InstanceProcess.start("instance-2", workDir, timeline, namesrvAddr, jdbcUrl);
            try {
                await(ORDER_ID + " to reach shipping", () -> shipped.contains(ORDER_ID));
                awaitNoDuplicate(shipped);
                timeline.add("demo", "no second delivery within " + DUPLICATE_WINDOW.toSeconds() + " s");
            } finally {
                second.stop(Duration.ofSeconds(5));
            }
            duplicatesNotRouted = shipping.getEndpoint(shippingUri, RocketMQTxEndpoint.class).getConsumedDuplicateCount();
        }
        int deliveries = (int) shipped.stream().filter(ORDER_ID::equals).count();
        int rows = new OrderTable(OrderTable.dataSource(jdbcUrl)).count(ORDER_ID);
        return new Result(deliveries, duplicatesNotRouted, rows, timeline.events());
    }

    private static void awaitNoDuplicate(List<String> shipped) throws InterruptedException {
        long end = System.nanoTime() + DUPLICATE_WINDOW.toNanos();
        while (System.nanoTime() < end && shipped.size() == 1) {
            Thread.sleep(100);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
