package dev.rocketmqtx.camel;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

/**
 * The check answered by a route given with checkUri: the route form of a check processor.
 */
class CheckRouteTest extends RocketMQTxTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkUri=direct:checkOrder"));
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));

                from("direct:checkOrder")
                        .convertBodyTo(String.class)
                        .choice()
                        .when(body().startsWith("paid")).setHeader(RocketMQTxConstants.STATUS, constant("COMMIT"))
                        .otherwise().setHeader(RocketMQTxConstants.STATUS, constant("ROLLBACK"));

                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void checkRouteCommitsWhatItFindsPaid() {
        send("paid-1");

        awaitDelivered("paid-1");
    }

    @Test
    void checkRouteRollsBackWhatItDoesNotFind() {
        send("unpaid-1");
        send("paid-2");

        awaitDelivered("paid-2");
        assertNeverDelivered("unpaid-1");
    }
}
