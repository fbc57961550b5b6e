package dev.rocketmqtx.camel.support;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which names cross between Camel headers and RocketMQ properties, in both directions. */
class RocketMQTxHeaderFilterStrategyTest {

    private final CamelContext context = new DefaultCamelContext();
    private final Exchange exchange = new DefaultExchange(context);
    private final RocketMQTxHeaderFilterStrategy strategy = new RocketMQTxHeaderFilterStrategy();

    @AfterEach
    void closeContext() {
        context.stop();
    }

    @Test
    void systemPropertiesAreKeptOutInBothDirectionsWhateverTheirCase() {
        for (String name : new String[] { MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX,
                                          MessageConst.PROPERTY_TAGS, "tags", "Uniq_Key",
                                          MessageConst.PROPERTY_TRANSACTION_PREPARED }) {
            assertThat(strategy.applyFilterToExternalHeaders(name, "x", exchange)).as(name).isTrue();
            assertThat(strategy.applyFilterToCamelHeaders(name, "x", exchange)).as(name).isTrue();
        }
    }

    @Test
    void camelHeadersStayInCamel() {
        assertThat(strategy.applyFilterToCamelHeaders("CamelRocketMQTxStatus", "COMMIT", exchange)).isTrue();
        assertThat(strategy.applyFilterToCamelHeaders("camelFileName", "a.txt", exchange)).isTrue();
        assertThat(strategy.applyFilterToExternalHeaders("CamelRocketMQTxStatus", "COMMIT", exchange)).isTrue();
    }

    @Test
    void userHeadersCrossInBothDirections() {
        assertThat(strategy.applyFilterToCamelHeaders("orderId", "42", exchange)).isFalse();
        assertThat(strategy.applyFilterToExternalHeaders("orderId", "42", exchange)).isFalse();
    }
}
