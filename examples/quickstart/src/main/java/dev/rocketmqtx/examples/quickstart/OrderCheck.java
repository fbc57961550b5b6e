package dev.rocketmqtx.examples.quickstart;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Answers the broker's question "did the order service commit this order?" from the database alone: a row means
 * the local transaction committed. Any instance of the service may be asked, also one started after a crash, so the
 * answer must never depend on memory.
 */
public class OrderCheck implements Processor {

    private final OrderRepository repository;
    private final OrderLedger ledger;

    public OrderCheck(OrderRepository repository, OrderLedger ledger) {
        this.repository = repository;
        this.ledger = ledger;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        String orderId = exchange.getMessage().getHeader("orderId", String.class);
        TransactionStatus answer = repository.exists(orderId) ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK;
        exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, answer);
        ledger.checked(orderId, exchange.getMessage().getHeader(OrderRoutes.RUN_ID, String.class), answer);
    }
}
