package dev.rocketmqtx.camel.metrics;

import java.util.concurrent.TimeUnit;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.RocketMQTxTestSupport;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.RequiredSearch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a MeterRegistry in the Camel registry, each endpoint publishes its counters as Micrometer meters, tagged with
 * its topic and group.
 */
class MicrometerMetersTest extends RocketMQTxTestSupport {

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BindToRegistry("commitCheck")
    private final Processor commitCheck = e -> e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:send").to(producerUri("&checkProcessor=#commitCheck"));
                // The body is the status the local transaction decides.
                from("direct:local").setHeader(RocketMQTxConstants.STATUS, body());
                from(consumerUri("")).process(e -> record(e));
            }
        };
    }

    @Test
    void transactionsChecksAndDeliveriesAreMeteredPerEndpoint() {
        send("COMMIT");
        send("ROLLBACK");
        send("UNKNOWN");
        awaitDelivered("COMMIT", "UNKNOWN");

        assertThat(producerMeter("rocketmq.tx.transactions").tag("status", "commit").functionCounter().count())
                .isEqualTo(1);
        assertThat(producerMeter("rocketmq.tx.transactions").tag("status", "rollback").functionCounter().count())
                .isEqualTo(1);
        assertThat(producerMeter("rocketmq.tx.transactions").tag("status", "unknown").functionCounter().count())
                .isEqualTo(1);
        assertThat(producerMeter("rocketmq.tx.checks").tag("answer", "commit").functionCounter().count())
                .isEqualTo(1);
        FunctionTimer checkLatency = producerMeter("rocketmq.tx.check.latency").functionTimer();
        assertThat(checkLatency.count()).isGreaterThanOrEqualTo(1);
        assertThat(checkLatency.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        assertThat(producerMeter("rocketmq.tx.in.flight").gauge().value()).isZero();
        assertThat(meters.get("rocketmq.tx.consumed").tag("topic", topic).tag("consumerGroup", consumerGroup)
                .tag("result", "success").functionCounter().count()).isEqualTo(2);
    }

    @Test
    void aStoppedEndpointNoLongerReports() throws Exception {
        send("COMMIT");
        assertThat(meters.find("rocketmq.tx.transactions").tag("producerGroup", producerGroup).meters()).isNotEmpty();

        context.stop();

        assertThat(meters.find("rocketmq.tx.transactions").tag("producerGroup", producerGroup).meters()).isEmpty();
    }

    private RequiredSearch producerMeter(String name) {
        return meters.get(name).tag("topic", topic).tag("producerGroup", producerGroup);
    }
}
