package dev.rocketmqtx.camel.reliability;

import java.util.concurrent.CountDownLatch;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An instance of the shop's shipping service in a JVM of its own, for the test that kills it between its database
 * commit and the acknowledgement. Its consumer endpoint has an idempotentRepository on the shop's database; its route
 * inserts a shipment row under {@code transacted()}. Once the database transaction (the shipment row and the
 * repository's key) has committed, it prints {@code SHIPPED <orderId>} and hangs, so the message is never
 * acknowledged.
 * <p>
 * Arguments: consumer endpoint URI, database URL.
 */
public final class ShippingConsumerApp {

    static final String SHIPPED = "SHIPPED ";

    private ShippingConsumerApp() {
    }

    public static void main(String[] args) throws Exception {
        String consumerUri = args[0];
        ShopDatabase database = ShopDatabase.connect(args[1]);
        CountDownLatch never = new CountDownLatch(1);

        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("shipped", database.repository(ShopDatabase.SHIPPED));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri).transacted().process(exchange -> {
                    String orderId = exchange.getMessage().getHeader("orderId", String.class);
                    database.insertShipment(orderId);
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status == STATUS_COMMITTED) {
                                System.out.println(SHIPPED + orderId);
                                System.out.flush();
                                try {
                                    never.await();
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }
                    });
                });
            }
        });
        context.start();
        never.await();
    }
}
