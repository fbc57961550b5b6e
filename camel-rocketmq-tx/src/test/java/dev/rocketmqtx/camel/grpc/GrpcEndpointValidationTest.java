package dev.rocketmqtx.camel.grpc;

import dev.rocketmqtx.camel.StartFailures;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;


/**
 * The choice of protocol and the options only the remoting protocol understands: a wrong combination fails when the
 * route starts, naming the options, before any client connects (no proxy listens at these addresses).
 */
class GrpcEndpointValidationTest {

    private static final String PROXY = "rocketmq-tx:orders?endpoints=127.0.0.1:8081";
    private static final String PRODUCER = PROXY + "&localTransaction=direct:local";
    private static final String CONSUMER = PROXY + "&consumerGroup=cg";

    @Test
    void namesrvAddrAndEndpointsTogetherFail() {
        assertProducerFails(PRODUCER + "&namesrvAddr=127.0.0.1:9876",
                "namesrvAddr and endpoints are mutually exclusive");
    }

    @Test
    void neitherNamesrvAddrNorEndpointsFails() {
        assertProducerFails("rocketmq-tx:orders?producerGroup=pg&localTransaction=direct:local",
                "Option namesrvAddr (name servers, classic remoting protocol) or endpoints (RocketMQ 5 proxies, gRPC"
                + " protocol) is required");
    }

    @Test
    void producerGroupWithEndpointsFails() {
        assertProducerFails(PRODUCER + "&producerGroup=pg", "Option producerGroup=pg has no meaning on the gRPC protocol");
    }

    @Test
    void broadcastingWithEndpointsFails() {
        assertConsumerFails(CONSUMER + "&messageModel=BROADCASTING",
                "Option messageModel=BROADCASTING has no meaning on the gRPC protocol");
    }

    @Test
    void consumeFromWhereWithEndpointsFails() {
        assertConsumerFails(CONSUMER + "&consumeFromWhere=CONSUME_FROM_FIRST_OFFSET",
                "Option consumeFromWhere=CONSUME_FROM_FIRST_OFFSET has no meaning on the gRPC protocol");
    }

    @Test
    void maxReconsumeTimesWithEndpointsFails() {
        assertConsumerFails(CONSUMER + "&maxReconsumeTimes=3",
                "Option maxReconsumeTimes=3 has no meaning on the gRPC protocol");
    }

    @Test
    void consumeMessageBatchMaxSizeWithEndpointsFails() {
        assertConsumerFails(CONSUMER + "&consumeMessageBatchMaxSize=4",
                "Option consumeMessageBatchMaxSize=4 has no meaning on the gRPC protocol");
    }

    @Test
    void consumeThreadMinWithEndpointsFails() {
        assertConsumerFails(CONSUMER + "&consumeThreadMin=2", "Option consumeThreadMin=2 has no meaning on the gRPC protocol");
    }

    @Test
    void endpointWithoutPortFails() {
        assertProducerFails("rocketmq-tx:orders?endpoints=localhost&localTransaction=direct:local",
                "Option endpoints=localhost is invalid");
    }

    /** Commas are what many clients use; RocketMQ's separator is ';', and the gRPC client would fail only at start. */
    @Test
    void commaSeparatedEndpointsFail() {
        assertProducerFails("rocketmq-tx:orders?endpoints=127.0.0.1:8081,127.0.0.2:8081&localTransaction=direct:local",
                "Option endpoints=127.0.0.1:8081,127.0.0.2:8081 is invalid: separate several addresses with ';'");
    }

    /** The gRPC client resolves a domain name itself, to every address it has; it cannot take a list of names. */
    @Test
    void severalEndpointsByNameFail() {
        assertProducerFails("rocketmq-tx:orders?endpoints=proxy-a:8081;proxy-b:8081&localTransaction=direct:local",
                "Option endpoints=proxy-a:8081;proxy-b:8081 is invalid: several endpoints must be IPv4 addresses");
    }

    private static void assertProducerFails(String uri, String expected) {
        assertFails(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to(uri);
                from("direct:local").log("local");
            }
        }, expected);
    }

    private static void assertConsumerFails(String uri, String expected) {
        assertFails(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).log("received");
            }
        }, expected);
    }

    private static void assertFails(RouteBuilder routes, String expected) {
        CamelContext context = new DefaultCamelContext();
        StartFailures.assertFailsToStart(context, routes, expected);
    }

}
