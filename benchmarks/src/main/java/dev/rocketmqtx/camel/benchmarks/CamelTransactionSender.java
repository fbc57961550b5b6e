package dev.rocketmqtx.camel.benchmarks;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * (c) The component as a user runs it: a route sends to {@code rocketmq-tx:} whose local transaction is another
 * route that does nothing (so the transaction commits), called through a {@link ProducerTemplate}. Other sections
 * use the same sender with other endpoint options and local transactions.
 */
final class CamelTransactionSender implements Sender {

    private final String id;
    private final String name;
    private final CamelContext context;
    private final ProducerTemplate template;
    private final Endpoint entry;

    CamelTransactionSender(BrokerTarget broker, String topic) throws Exception {
        this("c", "c: rocketmq-tx route", new DefaultCamelContext(),
                producerUri(broker, topic, "pg-camel-tx", "localTransaction=direct:local"), emptyLocalTransaction());
    }

    /**
     * (f) As (c), with the local transaction a Processor (localTransactionProcessor) that does nothing, in place of
     * the route: what the component costs when no route is called for the local transaction.
     */
    static CamelTransactionSender withLocalTransactionProcessor(BrokerTarget broker, String topic) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("emptyLocalTransaction", (Processor) exchange -> {
        });
        return new CamelTransactionSender("f", "f: rocketmq-tx, Processor local transaction", context,
                producerUri(broker, topic, "pg-camel-tx-processor", "localTransactionProcessor=#emptyLocalTransaction"),
                null);
    }

    private static String producerUri(BrokerTarget broker, String topic, String group, String localTransaction) {
        return "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr() + "&producerGroup=" + broker.name(group)
               + "&" + localTransaction;
    }

    /**
     * @param context          a context not started yet, with the beans the routes need in its registry
     * @param producerUri      the rocketmq-tx endpoint {@code direct:send} sends to
     * @param localTransaction routes that include the one the endpoint's {@code localTransaction} names; null when
     *                         the local transaction is not a route
     */
    CamelTransactionSender(String id, String name, CamelContext context, String producerUri,
                           RoutesBuilder localTransaction) throws Exception {
        this.id = id;
        this.name = name;
        this.context = context;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri);
            }
        });
        if (localTransaction != null) {
            context.addRoutes(localTransaction);
        }
        context.start();
        template = context.createProducerTemplate();
        entry = context.getEndpoint("direct:send");
    }

    /** {@code direct:local}: a trivial step, so what is measured is the component, not the work. */
    static RoutesBuilder emptyLocalTransaction() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:local").process(exchange -> {
                });
            }
        };
    }

    /** The rocketmq-tx endpoint, to read its in-flight registry and remembered outcomes. */
    RocketMQTxEndpoint endpoint() {
        return context.getEndpoints().stream().filter(RocketMQTxEndpoint.class::isInstance)
                .map(RocketMQTxEndpoint.class::cast).findFirst().orElseThrow();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void send(byte[] body) throws Exception {
        Exchange exchange = template.send(entry, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
        Object status = exchange.getMessage().getHeader(RocketMQTxConstants.STATUS);
        if (status != TransactionStatus.COMMIT) {
            throw new IllegalStateException("Transaction ended " + status);
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
