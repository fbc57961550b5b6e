package dev.rocketmqtx.camel.dsl;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.dsl.RocketMQTxEndpointBuilderFactory.RocketMQTxBuilders;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.endpoint.EndpointRouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routes written with the typed builder run against the broker like routes written with URIs.
 */
class EndpointDslRouteTest extends RocketMQTxTestSupport {

    /** An application's route class: the endpoint DSL plus the rocketmq-tx builders. */
    class OrderRoutes extends EndpointRouteBuilder implements RocketMQTxBuilders {
        @Override
        public void configure() {
            from(direct("send"))
                    .to(rocketMQTx(topic).namesrvAddr(BROKER.namesrvAddr())
                            .producerGroup(producerGroup)
                            .localTransaction(direct("local"))
                            .exceptionStatus(TransactionStatus.UNKNOWN)
                            .sendMsgTimeout(5000)
                            .tags("orders"));
            from(direct("local")).setBody(simple("saved ${body}"));
            from(rocketMQTx(topic).namesrvAddr(BROKER.namesrvAddr())
                    .consumerGroup(consumerGroup)
                    .subscribeTags("orders")
                    .consumeThreadMin(1).consumeThreadMax(2))
                    .process(e -> record(e));
        }
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new OrderRoutes();
    }

    @Test
    void routeBuiltWithTheTypedBuilderSendsAndConsumes() {
        Exchange sent = send("order-1");

        assertThat(sent.getException()).isNull();
        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.COMMIT);
        // The local transaction ran on the caller's exchange; the message carries the body as it was sent.
        assertThat(sent.getMessage().getBody(String.class)).isEqualTo("saved order-1");
        awaitDelivered("order-1");
        assertThat(deliveredExchanges.get(0).getMessage().getHeader(RocketMQTxConstants.TAGS)).isEqualTo("orders");
    }

    @Test
    void typedOptionsReachTheEndpoint() {
        RocketMQTxEndpoint producer = context.getEndpoints().stream()
                .filter(RocketMQTxEndpoint.class::isInstance).map(RocketMQTxEndpoint.class::cast)
                .filter(e -> producerGroup.equals(e.getConfiguration().getProducerGroup()))
                .findFirst().orElseThrow();

        assertThat(producer.getConfiguration().getLocalTransaction()).isEqualTo("direct://local");
        assertThat(producer.getConfiguration().getExceptionStatus()).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(producer.getConfiguration().getSendMsgTimeout()).isEqualTo(5000);
        assertThat(producer.getConfiguration().getTags()).isEqualTo("orders");
    }
}
