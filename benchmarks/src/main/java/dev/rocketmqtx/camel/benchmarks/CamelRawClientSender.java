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
 * <p>
 * (e) The same without the local-transaction route: the minimal producer commits at once, as (b)'s listener does.
 * (d) over (e) is what calling the local-transaction route costs; (e) over (b) the template, the exchange and
 * {@code direct:send}.
 */
final class CamelRawClientSender implements Sender {

    private final CamelContext context = new DefaultCamelContext();
    private final ProducerTemplate template;
    private final Endpoint entry;
    private final boolean localTransactionRoute;

    /** (d) with {@code localTransactionRoute}, (e) without. */
    CamelRawClientSender(BrokerTarget broker, String topic, boolean localTransactionRoute) throws Exception {
        this.localTransactionRoute = localTransactionRoute;
        context.addComponent(MinimalTransactionComponent.SCHEME, new MinimalTransactionComponent());
        String client = localTransactionRoute ? "camel-raw" : "camel-raw-no-local";
        String uri = MinimalTransactionComponent.SCHEME + ":" + topic + "?namesrvAddr=" + broker.namesrvAddr()
                     + "&producerGroup=" + broker.name("pg-" + client) + "&instanceName="
                     + BrokerTarget.clientInstanceName(client)
                     + (localTransactionRoute ? "&localTransaction=direct:local" : "");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(uri);
                if (localTransactionRoute) {
                    // The same trivial local transaction as contender (c)'s.
                    from("direct:local").process(exchange -> {
                    });
                }
            }
        });
        context.start();
        template = context.createProducerTemplate();
        entry = context.getEndpoint("direct:send");
    }

    @Override
    public String id() {
        return localTransactionRoute ? "d" : "e";
    }

    @Override
    public String name() {
        return localTransactionRoute ? "d: route to a minimal raw-client producer"
                : "e: as d, no local-transaction route";
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
