package dev.rocketmqtx.camel.benchmarks;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * (c) The component as a user runs it: a route sends to {@code rocketmq-tx:} whose local transaction is another
 * route that does nothing (so the transaction commits), called through a {@link ProducerTemplate}.
 */
final class CamelTransactionSender implements Sender {

    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint entry;

    CamelTransactionSender(BrokerTarget broker, String topic) throws Exception {
        String uri = "rocketmq-tx:" + topic + "?namesrvAddr=" + broker.namesrvAddr()
                     + "&producerGroup=" + broker.name("pg-camel-tx") + "&localTransaction=direct:local";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
                // The local transaction: a trivial step, so what is measured is the component, not the work.
                from("direct:local").process(exchange -> {
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();
        entry = context.getEndpoint("direct:send");
    }

    /** The rocketmq-tx endpoint, to read its in-flight registry and remembered outcomes. */
    RocketMQTxEndpoint endpoint() {
        return context.getEndpoints().stream().filter(RocketMQTxEndpoint.class::isInstance)
                .map(RocketMQTxEndpoint.class::cast).findFirst().orElseThrow();
    }

    @Override
    public String id() {
        return "c";
    }

    @Override
    public String name() {
        return "c: rocketmq-tx route";
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
