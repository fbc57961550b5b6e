package dev.rocketmqtx.camel.grpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

import static org.awaitility.Awaitility.await;

/**
 * Routes run inside a class loader of their own (see {@link WithoutGrpcClientTest}): this class is loaded there, so
 * the Camel and component classes it uses are that loader's. Arguments and results are strings, which both sides
 * share.
 */
public final class IsolatedRoutes {

    private IsolatedRoutes() {
    }

    /**
     * Sends {@code body} through a producer endpoint whose local transaction commits, and returns the bodies a
     * consumer endpoint of the same topic received until {@code body} arrived.
     */
    public static List<String> commitAndConsume(String producerUri, String consumerUri, String body)
            throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to(producerUri);
                    from("direct:local").setHeader("local", constant(true));
                    from(consumerUri).process(e -> received.add(e.getMessage().getBody(String.class)));
                }
            });
            context.start();
            context.createProducerTemplate().sendBody("direct:send", body);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.contains(body));
            return List.copyOf(received);
        } finally {
            context.stop();
        }
    }

    /** Starts a route sending to {@code producerUri}; returns the messages of the start failure and its causes. */
    public static String startFailure(String producerUri) throws Exception {
        CamelContext context = new DefaultCamelContext();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:send").to(producerUri);
                    from("direct:local").setHeader("local", constant(true));
                }
            });
            context.start();
            return "started";
        } catch (Exception e) {
            StringBuilder text = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                text.append(t.getMessage()).append('\n');
            }
            return text.toString();
        } finally {
            context.stop();
        }
    }
}
