package dev.rocketmqtx.examples.crashrecovery;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The order service, as every instance runs it. There is no check code: the transaction log answers the broker, on
 * whichever instance the broker asks. The producer group is the same in all instances: that is what lets the broker
 * ask a new instance about the half messages of one that died.
 */
public class OrderServiceRoutes extends RouteBuilder {

    /** Printed on stdout once the row is committed; the demo kills the instance when it reads it. */
    public static final String ROW_COMMITTED = "row committed";
    /** Registry name of the transaction log (see OrderServiceInstance). */
    public static final String ORDER_LOG = "orderLog";

    private final String namesrvAddr;
    private final OrderTable orders;
    private final boolean freezeAfterCommit;

    /**
     * @param freezeAfterCommit demo only: stop right after the database commit, before the component can send COMMIT
     *                          to the broker, so that a kill lands exactly where a crash hurts most
     */
    public OrderServiceRoutes(String namesrvAddr, OrderTable orders, boolean freezeAfterCommit) {
        this.namesrvAddr = namesrvAddr;
        this.orders = orders;
        this.freezeAfterCommit = freezeAfterCommit;
    }

    /** The producer: the transaction id goes to orderLog in the database transaction of the local transaction. */
    public String producerUri() {
        return "rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&producerGroup=order-service"
               + "&localTransaction=direct:saveOrder&transactionLog=#" + ORDER_LOG;
    }

    @Override
    public void configure() {
        from("direct:placeOrder").routeId("place-order")
                .to(producerUri());

        // The local transaction: the broker already holds the half message when this runs, and the component runs
        // it in a database transaction that also holds the log entry.
        from("direct:saveOrder").routeId("save-order")
                .process(e -> say("half message stored, transaction id "
                                  + e.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID)))
                .process(e -> orders.insert(orderId(e), e.getMessage().getBody(String.class)))
                .process(e -> afterCommit(orderId(e)));
    }

    /** Reports the commit of the row and its log entry, and (demo only) freezes there. */
    private void afterCommit(String orderId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                say(orderId + " " + ROW_COMMITTED + " with its transaction log entry");
                if (freezeAfterCommit) {
                    try {
                        // Never returns: the COMMIT to the broker is never sent. Only a check can save the order now.
                        Thread.currentThread().join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        });
    }

    private static String orderId(Exchange exchange) {
        return exchange.getMessage().getHeader("orderId", String.class);
    }

    /** The instance's events go to stdout, where the demo reads them. */
    static void say(String event) {
        System.out.println(event);
        System.out.flush();
    }
}
