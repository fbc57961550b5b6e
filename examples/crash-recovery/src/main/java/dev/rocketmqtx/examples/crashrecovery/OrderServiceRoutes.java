package dev.rocketmqtx.examples.crashrecovery;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The order service, as every instance runs it. The producer group is the same in all instances: that is what lets
 * the broker ask a new instance about the half messages of one that died.
 */
public class OrderServiceRoutes extends RouteBuilder {

    /** Printed on stdout once the row is committed; the demo kills the instance when it reads it. */
    public static final String ROW_COMMITTED = "row committed";

    private final String namesrvAddr;
    private final OrderTable orders;
    private final boolean freezeAfterCommit;

    /**
     * @param freezeAfterCommit demo only: stop inside the local transaction right after the database commit, so
     *                          that a kill lands exactly where a crash hurts most
     */
    public OrderServiceRoutes(String namesrvAddr, OrderTable orders, boolean freezeAfterCommit) {
        this.namesrvAddr = namesrvAddr;
        this.orders = orders;
        this.freezeAfterCommit = freezeAfterCommit;
    }

    @Override
    public void configure() {
        from("direct:placeOrder").routeId("place-order")
                .to("rocketmq-tx:orders?namesrvAddr=" + namesrvAddr + "&producerGroup=order-service"
                    + "&localTransaction=direct:saveOrder&checkUri=direct:checkOrder");

        // The local transaction: the broker already holds the half message when this runs.
        from("direct:saveOrder").routeId("save-order")
                .process(e -> say("half message stored, transaction id "
                                  + e.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID)))
                .process(e -> orders.insert(orderId(e), e.getMessage().getBody(String.class)))
                .process(e -> say(orderId(e) + " " + ROW_COMMITTED))
                .process(e -> {
                    if (freezeAfterCommit) {
                        // Never returns: the COMMIT to the broker is never sent. Only the check can save the order now.
                        Thread.currentThread().join();
                    }
                });

        // The broker's question about a transaction whose end it never heard: the database has the answer.
        from("direct:checkOrder").routeId("check-order")
                .process(e -> {
                    boolean saved = orders.count(orderId(e)) > 0;
                    TransactionStatus answer = saved ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK;
                    e.getMessage().setHeader(RocketMQTxConstants.STATUS, answer);
                    say("broker checks " + orderId(e) + " (check #"
                        + e.getMessage().getHeader(RocketMQTxConstants.CHECK_TIMES) + "): row "
                        + (saved ? "found" : "not found") + " -> " + answer);
                });
    }

    private static String orderId(Exchange exchange) {
        return exchange.getMessage().getHeader("orderId", String.class);
    }

    /** The instance's events go to stdout, where the demo reads them. */
    private static void say(String event) {
        System.out.println(event);
        System.out.flush();
    }
}
