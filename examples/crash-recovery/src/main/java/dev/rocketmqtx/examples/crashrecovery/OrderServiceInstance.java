package dev.rocketmqtx.examples.crashrecovery;

import org.apache.camel.main.Main;

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
        OrderTable orders = new OrderTable(args[1]);
        boolean place = args.length > 3 && "place".equals(args[2]);
        orders.createTable();

        Main main = new Main();
        main.configure().addRoutesBuilder(new OrderServiceRoutes(namesrvAddr, orders, place));
        main.start();
        // A graceful stop on SIGTERM; after SIGKILL nothing runs, which is the point of the demo.
        Runtime.getRuntime().addShutdownHook(new Thread(main::stop));
        System.out.println("started (pid " + ProcessHandle.current().pid() + ")");
        System.out.flush();
        if (place) {
            main.getCamelContext().createProducerTemplate()
                    .sendBodyAndHeader("direct:placeOrder", "kayak", "orderId", args[3]);
        }
        Thread.currentThread().join();
    }
}
