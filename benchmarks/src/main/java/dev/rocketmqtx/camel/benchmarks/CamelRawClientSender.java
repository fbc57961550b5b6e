package dev.rocketmqtx.camel.benchmarks;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * (d) Camel's own share: the routes of contender (c), a {@link ProducerTemplate} sending to {@code direct:send} and a
 * local-transaction route with one empty processor, but with the rocketmq-tx endpoint replaced by a minimal producer
 * that drives the raw {@code TransactionMQProducer} ({@link MinimalTransactionComponent}). Its cost over (b) is what
 * a route to any producer costs; (c) over (d) is what rocketmq-tx adds of its own.
 */
final class CamelRawClientSender implements Sender {

    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint entry;

    CamelRawClientSender(BrokerTarget broker, String topic) throws Exception {
        context.addComponent(MinimalTransactionComponent.SCHEME, new MinimalTransactionComponent());
        String uri = MinimalTransactionComponent.SCHEME + ":" + topic + "?namesrvAddr=" + broker.namesrvAddr()
                     + "&producerGroup=" + broker.name("pg-camel-raw") + "&instanceName="
                     + BrokerTarget.clientInstanceName("camel-raw") + "&localTransaction=direct:local";
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
                // The same trivial local transaction as contender (c)'s.
                from("direct:local").process(exchange -> {
                });
            }
        });
        context.start();
        template = context.createProducerTemplate();
        entry = context.getEndpoint("direct:send");
    }

    @Override
    public String id() {
        return "d";
    }

    @Override
    public String name() {
        return "d: route to a minimal raw-client producer";
    }

    @Override
    public void send(byte[] body) throws Exception {
        Exchange exchange = template.send(entry, e -> e.getMessage().setBody(body));
        if (exchange.getException() != null) {
            throw exchange.getException();
        }
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.close();
    }
}
