package dev.rocketmqtx.camel.grpc;

import dev.rocketmqtx.camel.StartFailures;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Topics the proxy cannot take transactional messages on: a topic without the type TRANSACTION fails the send, before
 * the local transaction runs, saying how to create it; a topic the proxy does not know fails the route's start.
 */
class GrpcTopicValidationTest extends GrpcTestSupport {

    /** Created as mqadmin updateTopic creates it without attributes: the proxy takes it as a NORMAL topic. */
    private final String untypedTopic = unique("untyped");
    private final List<String> localTransactions = new CopyOnWriteArrayList<>();

    GrpcTopicValidationTest() {
        BROKER.createTopic(untypedTopic);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("").replace(topic, untypedTopic));
                from("direct:local").process(e -> localTransactions.add(e.getMessage().getBody(String.class)));
            }
        };
    }

    @Test
    void sendToATopicNotTypedTransactionFailsNamingTheTopicType() {
        Exchange sent = send("order-1");

        assertThat(sent.getException())
                .isInstanceOf(HalfMessageNotStoredException.class)
                .hasMessageContaining(untypedTopic)
                .hasMessageContaining("message.type=TRANSACTION");
        assertThat(localTransactions).isEmpty();
    }

    @Test
    void routeToAnUnknownTopicFailsToStartNamingTheTopic() {
        String unknownTopic = unique("no-such-topic");

        assertThatThrownBy(() -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:sendToUnknown").to(producerUri("").replace(topic, unknownTopic));
            }
        })).satisfies(e -> assertThat(StartFailures.messages(e))
                .contains("Cannot start the gRPC producer of topic " + unknownTopic)
                .contains("No topic route info")
                .contains("(does topic " + unknownTopic + " exist, typed TRANSACTION?)"));
    }

}
