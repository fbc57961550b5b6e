package dev.rocketmqtx.camel.reliability;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The producer JVM that {@link ProducerKilledTest} kills. It sends {@code count} orders in parallel; each local
 * transaction writes its order to the database (committing even-numbered orders, rolling back odd ones), prints
 * {@code DECIDED <orderId> COMMITTED|ROLLED_BACK}, and then hangs: the outcome is in the database but the broker never
 * hears it, which is exactly the state a crash between the local commit and END_TRANSACTION leaves behind.
 * <p>
 * Arguments: namesrvAddr topic producerGroup jdbcUrl count.
 */
public final class KilledProducerApp {

    static final String DECIDED = "DECIDED ";

    private KilledProducerApp() {
    }

    public static void main(String[] args) throws Exception {
        String namesrvAddr = args[0];
        String topic = args[1];
        String producerGroup = args[2];
        OrderTable orders = OrderTable.at(args[3]);
        int count = Integer.parseInt(args[4]);
        CountDownLatch never = new CountDownLatch(1);

        CamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // On a loaded machine a half message can time out; nothing ran locally then, so send it again. A
                // half message stored despite the timeout has no row for its transaction id: the check rolls it back.
                onException(HalfMessageNotStoredException.class).maximumRedeliveries(20).redeliveryDelay(500);

                from("direct:placeOrder").to("rocketmq-tx:" + topic + "?namesrvAddr=" + namesrvAddr
                                             + "&producerGroup=" + producerGroup + "&localTransaction=direct:saveOrder"
                                             + "&sendMsgTimeout=10000");
                from("direct:saveOrder").process(exchange -> {
                    String orderId = exchange.getMessage().getHeader("orderId", String.class);
                    String transactionId = exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID,
                            String.class);
                    boolean commit = Integer.parseInt(orderId.substring(orderId.lastIndexOf('-') + 1)) % 2 == 0;
                    orders.insert(orderId, transactionId, commit);
                    System.out.println(DECIDED + orderId + (commit ? " COMMITTED" : " ROLLED_BACK"));
                    System.out.flush();
                    // The crash window: decided locally, END_TRANSACTION not yet sent.
                    never.await();
                });
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService senders = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            String orderId = "order-" + i;
            senders.execute(() -> template.sendBodyAndHeader("direct:placeOrder", "order " + orderId, "orderId", orderId));
        }
        never.await();
    }
}
