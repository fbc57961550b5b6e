package dev.rocketmqtx.examples.yaml;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The YAML routes and beans of the example, loaded by Camel Main, against a real embedded broker. */
class YamlRoutesTest {

    /** The broker's transaction timeout plus a check interval, with a margin: a rolled-back order stays away this long. */
    private static final Duration CHECK_WINDOW = Duration.ofSeconds(4);

    private final Main main = new Main();
    private DataSource dataSource;

    @BeforeEach
    void startRoutes() throws Exception {
        EmbeddedRocketMQ broker = EmbeddedRocketMQ.shared();
        broker.createTopic("orders");
        broker.createRetryTopic("shipping");
        dataSource = OrderDatabase.create("yaml-test");
        main.bind("dataSource", dataSource);
        main.addInitialProperty("namesrvAddr", broker.namesrvAddr());
        // The order routes only: the test places its own orders, and runs until it stops Camel.
        main.addOverrideProperty("camel.main.routesIncludePattern", "classpath:camel/orders.camel.yaml");
        main.addOverrideProperty("camel.main.durationMaxIdleSeconds", "0");
        main.start();
    }

    @AfterEach
    void stopRoutes() {
        main.stop();
    }

    @Test
    void committedOrderIsShippedAndRolledBackOrderIsNeither() throws Exception {
        Exchange valid = placeOrder("yaml-1", 2);
        Exchange invalid = placeOrder("yaml-2", 0);

        assertThat(valid.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        assertThat(invalid.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.ROLLBACK);
        // The transaction log of the YAML beans holds the committed transaction only: it is what answers checks.
        assertThat(orderLog()).contains(transactionId(valid)).doesNotContain(transactionId(invalid));
        await().atMost(Duration.ofSeconds(60)).until(() -> shipped().contains("yaml-1"));
        await().during(CHECK_WINDOW).atMost(CHECK_WINDOW.plusSeconds(10)).until(() -> !shipped().contains("yaml-2"));
        assertThat(OrderDatabase.column(dataSource, "select id from orders")).containsExactly("yaml-1");
        // containsOnly: RocketMQ delivers at least once, so shipping must tolerate (and here may see) a duplicate.
        assertThat(shipped()).containsOnly("yaml-1");
    }

    private Exchange placeOrder(String orderId, int quantity) {
        ProducerTemplate template = main.getCamelContext().createProducerTemplate();
        return template.send("direct:placeOrder", exchange -> {
            exchange.getMessage().setHeader("orderId", orderId);
            exchange.getMessage().setHeader("quantity", quantity);
            exchange.getMessage().setBody(orderId + ": " + quantity + " x kayak");
        });
    }

    private List<String> orderLog() throws Exception {
        return OrderDatabase.column(dataSource,
                "select messageId from CAMEL_MESSAGEPROCESSED where processorName = 'order-service'");
    }

    private static String transactionId(Exchange exchange) {
        return exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID, String.class);
    }

    private List<String> shipped() throws Exception {
        return OrderDatabase.column(dataSource, "select order_id from shipments");
    }
}
