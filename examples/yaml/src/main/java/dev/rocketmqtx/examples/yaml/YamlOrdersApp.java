package dev.rocketmqtx.examples.yaml;

import java.util.List;

import javax.sql.DataSource;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.main.Main;

/**
 * Runs the YAML routes and beans (src/main/resources/camel and demo, see application.properties) on Camel Main. The
 * only Java is what the YAML does not give: the DataSource with its tables and, without {@code -DnamesrvAddr} or
 * NAMESRV_ADDR, a broker.
 */
public final class YamlOrdersApp {

    private YamlOrdersApp() {
    }

    public static void main(String[] args) throws Exception {
        // A fresh push consumer's first rebalance must not collide with its first heartbeat (a 30 s stall otherwise).
        if (System.getProperty("rocketmq.client.rebalance.minInterval") == null) {
            System.setProperty("rocketmq.client.rebalance.minInterval", "2000");
        }
        String namesrvAddr = System.getProperty("namesrvAddr", System.getenv("NAMESRV_ADDR"));
        if (namesrvAddr == null || namesrvAddr.isBlank()) {
            EmbeddedRocketMQ broker = EmbeddedRocketMQ.shared();
            broker.createTopic("orders");
            broker.createRetryTopic("shipping");
            namesrvAddr = broker.namesrvAddr();
        }
        DataSource dataSource = OrderDatabase.create("orders");

        Main main = new Main();
        main.bind("dataSource", dataSource);
        // Resolves {{namesrvAddr}} in the YAML routes.
        main.addInitialProperty("namesrvAddr", namesrvAddr);
        // Returns when the routes have been idle for camel.main.durationMaxIdleSeconds.
        main.run();

        List<String> orders = OrderDatabase.column(dataSource, "select id from orders order by id");
        List<String> shipped = OrderDatabase.column(dataSource, "select order_id from shipments order by order_id");
        System.out.println("orders saved:   " + orders);
        System.out.println("orders shipped: " + shipped);
        System.out.println(orders.equals(shipped) ? "Shipped == saved: OK" : "MISMATCH");
        // RocketMQ's Netty threads outlive the clients' shutdown; end the JVM explicitly.
        System.exit(orders.equals(shipped) ? 0 : 1);
    }
}
