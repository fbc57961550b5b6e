package dev.rocketmqtx.camel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several endpoints of one producer group in one JVM: routes that send one flow with different tags. The broker
 * sends each check of the group to any producer of the group it knows, so what one endpoint knows about a transaction
 * (in flight, decided) must hold for a check that reaches another.
 */
class SharedProducerGroupTest extends RocketMQTxTestSupport {

    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger userChecks = new AtomicInteger();

    /** Finds no row while the local transaction has not committed: it would roll back a transaction in flight. */
    @BindToRegistry("pessimisticCheck")
    private final Processor pessimisticCheck = e -> {
        userChecks.incrementAndGet();
        e.getMessage().setHeader(RocketMQTxConstants.STATUS, "ROLLBACK");
    };

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkProcessor=#pessimisticCheck&tags=created"));
                from("direct:sendOther").to(producerUri("&checkProcessor=#pessimisticCheck&tags=paid"));
                from("direct:local").process(e -> assertThat(release.await(30, TimeUnit.SECONDS)).isTrue());
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void checksOfATransactionInFlightAnswerUnknownWhicheverEndpointOfTheGroupTheyReach() throws Exception {
        RocketMQTxEndpoint created = producerEndpoint("&checkProcessor=#pessimisticCheck&tags=created");
        RocketMQTxEndpoint paid = producerEndpoint("&checkProcessor=#pessimisticCheck&tags=paid");
        CompletableFuture<Exchange> sending = CompletableFuture.supplyAsync(() -> send("slow-1"));

        // Several checks while the local transaction runs: with a client per endpoint, about half would reach the
        // endpoint that did not start the transaction and would ask the check, which rolls back.
        await().atMost(Duration.ofSeconds(30)).until(() -> created.getStatistics().getCheckUnknown()
                                                           + paid.getStatistics().getCheckUnknown() >= 4);
        assertThat(userChecks).hasValue(0);
        release.countDown();

        assertThat(sending.get(20, TimeUnit.SECONDS).getMessage().getHeader(RocketMQTxConstants.STATUS))
                .isEqualTo(TransactionStatus.COMMIT);
        awaitDelivered("slow-1");
        assertThat(userChecks).hasValue(0);
    }

    @Test
    void endpointsOfOneGroupThatNeedDifferentClientsAreRefusedAtRouteStart() {
        assertSecondRouteFails("&retryTimesWhenSendFailed=2", "&retryTimesWhenSendFailed=5",
                "with another retryTimesWhenSendFailed");
    }

    @Test
    void endpointsOfOneGroupOnOneTopicThatAnswerChecksDifferentlyAreRefusedAtRouteStart() {
        assertSecondRouteFails("&checkUri=direct:checkA", "&checkUri=direct:checkB",
                "with another checkProcessor or checkUri");
    }

    private void assertSecondRouteFails(String firstOptions, String secondOptions, String expected) {
        String group = unique("pg-refused");
        CamelContext other = new DefaultCamelContext();
        StartFailures.assertFailsToStart(other, new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:a").to(producerUri(firstOptions).replace(producerGroup, group));
                from("direct:b").to(producerUri(secondOptions + "&tags=b").replace(producerGroup, group));
                from("direct:local").log("local");
                from("direct:checkA").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
                from("direct:checkB").setHeader(RocketMQTxConstants.STATUS, constant("UNKNOWN"));
            }
        }, expected);
    }

}
