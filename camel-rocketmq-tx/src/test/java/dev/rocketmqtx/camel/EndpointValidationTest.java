package dev.rocketmqtx.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;


/**
 * Misconfiguration fails when the route starts, with the option named, before any message is sent.
 */
class EndpointValidationTest {

    private static final String BASE = "rocketmq-tx:orders?namesrvAddr=127.0.0.1:9876";

    @Test
    void producerWithoutProducerGroupFails() {
        assertRouteFails("direct:in", BASE + "&localTransaction=direct:local", "producerGroup is required");
    }

    @Test
    void producerWithInvalidProducerGroupFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=bad group&localTransaction=direct:local",
                "Invalid producerGroup 'bad group'");
    }

    @Test
    void producerWithoutLocalTransactionFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg", "localTransaction is required on a rocketmq-tx"
                                      + " producer: the endpoint URI of the route that runs the local transaction (or"
                                      + " set localTransactionProcessor to a Processor)");
    }

    @Test
    void producerWithUnresolvableLocalTransactionFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=nosuchscheme:save",
                "localTransaction=nosuchscheme:save cannot be resolved");
    }

    @Test
    void localTransactionAndLocalTransactionProcessorTogetherFail() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local"
                                      + "&localTransactionProcessor=#check",
                "localTransaction and localTransactionProcessor are mutually exclusive");
    }

    @Test
    void unknownLocalTransactionProcessorBeanFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransactionProcessor=#nope",
                "No bean could be found in the registry for: nope");
    }

    @Test
    void checkProcessorAndCheckUriTogetherFail() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local"
                                      + "&checkProcessor=#check&checkUri=direct:check",
                "checkProcessor and checkUri are mutually exclusive");
    }

    @Test
    void unknownCheckBeanFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&checkProcessor=#nope",
                "No bean could be found in the registry for: nope");
    }

    @Test
    void unresolvableCheckUriFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&checkUri=nosuch:x",
                "checkUri=nosuch:x cannot be resolved");
    }

    @Test
    void exceptionStatusCommitIsRefused() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&exceptionStatus=COMMIT",
                "exceptionStatus=COMMIT is not allowed");
    }

    @Test
    void earlyCheckWithoutACheckFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&earlyCheckDelay=500",
                "earlyCheckDelay=500 needs checkProcessor, checkUri or transactionLog");
    }

    @Test
    void invalidTopicNameFails() {
        assertRouteFails("direct:in", "rocketmq-tx:orders!new?namesrvAddr=127.0.0.1:9876&producerGroup=pg&localTransaction=direct:local",
                "Invalid topic 'orders!new'");
    }

    @Test
    void tooLongTopicNameFails() {
        assertRouteFails("direct:in", "rocketmq-tx:" + "t".repeat(128) + "?namesrvAddr=127.0.0.1:9876&producerGroup=pg"
                                      + "&localTransaction=direct:local",
                "longer than topic max length");
    }

    @Test
    void systemTopicFails() {
        assertRouteFails("direct:in", "rocketmq-tx:RMQ_SYS_TRANS_HALF_TOPIC?namesrvAddr=127.0.0.1:9876&producerGroup=pg"
                                      + "&localTransaction=direct:local",
                "system topic");
    }

    @Test
    void malformedNameServerAddressFails() {
        assertRouteFails("direct:in", "rocketmq-tx:orders?namesrvAddr=localhost&producerGroup=pg"
                                      + "&localTransaction=direct:local", "namesrvAddr=localhost is invalid");
    }

    @Test
    void consumerWithoutConsumerGroupFails() {
        assertConsumerFails(BASE, "consumerGroup is required");
    }

    @Test
    void unknownOptionFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&producerGrup=x",
                "producerGrup");
    }

    @Test
    void wrongOptionTypeFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&sendMsgTimeout=soon",
                "sendMsgTimeout");
    }

    @Test
    void negativeTimeoutFails() {
        assertRouteFails("direct:in", BASE + "&producerGroup=pg&localTransaction=direct:local&sendMsgTimeout=-1",
                "sendMsgTimeout=-1 is invalid");
    }

    @Test
    void unknownMessageModelFails() {
        assertConsumerFails(BASE + "&consumerGroup=cg&messageModel=EVERYONE", "messageModel");
    }

    private static void assertRouteFails(String from, String to, String expected) {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("check", (Processor) e -> { });
        StartFailures.assertFailsToStart(context, new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
                from("direct:local").log("local");
                from("direct:check").log("check");
            }
        }, expected);
    }

    private static void assertConsumerFails(String uri, String expected) {
        CamelContext context = new DefaultCamelContext();
        StartFailures.assertFailsToStart(context, new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).log("received");
            }
        }, expected);
    }

}
