package dev.rocketmqtx.camel.grpc;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A namespace means the same on both protocols: the broker stores the topic as {@code ns1%topic} whichever protocol
 * the endpoint speaks, so a gRPC endpoint and a remoting endpoint with the same namespace share its messages, and the
 * check of a gRPC transaction reaches the gRPC producer of the namespaced topic. (An open-source proxy ignores the gRPC
 * client's own namespace setting; the component gives names their namespace itself.)
 */
class GrpcNamespaceTest extends GrpcTestSupport {

    private static final String NAMESPACE = "ns1";

    private final String namespaced = NAMESPACE + "%" + topic;
    private final String options = "&namespace=" + NAMESPACE;
    private final String remoting = "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr() + options;

    GrpcNamespaceTest() {
        BROKER.createTopic(namespaced, TopicMessageType.TRANSACTION);
        BROKER.createConsumerGroup(NAMESPACE + "%" + consumerGroup, MAX_RETRIES);
        BROKER.createRetryTopic(NAMESPACE + "%" + consumerGroup);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri(options + "&checkUri=direct:check"));
                from("direct:sendOverRemoting").to(remoting + "&producerGroup=" + producerGroup
                                                   + "&localTransaction=direct:local");
                from("direct:local").filter(body().contains("unknown"))
                        .setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
                from("direct:check").setHeader(RocketMQTxConstants.STATUS, constant("COMMIT"));
            }
        };
    }

    @Test
    void remotingConsumerInTheNamespaceReadsWhatAGrpcProducerInItCommits() throws Exception {
        consumeOverRemoting();

        send("over-grpc-1");

        awaitDelivered("over-grpc-1");
        assertThat(deliveredExchanges.get(0).getMessage().getHeader(RocketMQTxConstants.TOPIC)).isEqualTo(topic);
    }

    @Test
    void grpcConsumerInTheNamespaceReadsWhatARemotingProducerInItCommits() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumerUri(options)).process(e -> record(e));
            }
        });

        template.sendBody("direct:sendOverRemoting", "over-remoting-1");

        awaitDelivered("over-remoting-1");
        assertThat(deliveredExchanges.get(0).getMessage().getHeader(RocketMQTxConstants.TOPIC)).isEqualTo(topic);
    }

    @Test
    void checkOfANamespacedGrpcTransactionReachesItsProducer() throws Exception {
        consumeOverRemoting();

        Exchange sent = send("unknown-1");

        assertThat(sent.getMessage().getHeader(RocketMQTxConstants.STATUS)).isEqualTo(TransactionStatus.UNKNOWN);
        awaitDelivered("unknown-1");
    }

    private void consumeOverRemoting() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(remoting + "&consumerGroup=" + consumerGroup).process(e -> record(e));
            }
        });
    }
}
