package dev.rocketmqtx.examples.crashrecovery;

import javax.sql.DataSource;

import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * One instance of the order service in its own JVM, started by the demo. Arguments: the name server address, the
 * JDBC URL of the order database, and optionally {@code place <orderId>} to place one order (and freeze right after
 * the database commit, for the demo to kill it).
 */
public final class OrderServiceInstance {

    private OrderServiceInstance() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("rocketmq.client.rebalance.minInterval") == null) {
            System.setProperty("rocketmq.client.rebalance.minInterval", "2000");
        }
        String namesrvAddr = args[0];
        DataSource dataSource = OrderTable.dataSource(args[1]);
        OrderTable orders = new OrderTable(dataSource);
        boolean place = args.length > 3 && "place".equals(args[2]);
        orders.createTable();
        OrderServiceRoutes routes = new OrderServiceRoutes(namesrvAddr, orders, place);

        Main main = new Main();
        // The local transaction's database transaction; the component finds it as transacted() does.
        main.bind("transactionManager", new DataSourceTransactionManager(dataSource));
        // The transaction log, in the order database: every instance reads what any instance committed.
        main.bind(OrderServiceRoutes.ORDER_LOG, new JdbcMessageIdRepository(dataSource, "order-service"));
        main.configure().addRoutesBuilder(routes);
        main.start();
        // A graceful stop on SIGTERM; after SIGKILL nothing runs, which is the point of the demo.
        Runtime.getRuntime().addShutdownHook(new Thread(main::stop));
        CheckAnswers.print(main.getCamelContext().getEndpoint(routes.producerUri(), RocketMQTxEndpoint.class));
        OrderServiceRoutes.say("started (pid " + ProcessHandle.current().pid() + ")");
        if (place) {
            main.getCamelContext().createProducerTemplate()
                    .sendBodyAndHeader("direct:placeOrder", "kayak", "orderId", args[3]);
        }
        Thread.currentThread().join();
    }
}
