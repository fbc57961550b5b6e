package dev.rocketmqtx.camel.testcontainers;

import java.time.Duration;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the container's settings write into the broker's configuration, and the settings it refuses (no Docker). */
class RocketMQContainerSettingsTest {

    private final RocketMQContainer container = new RocketMQContainer(RocketMQImage.version("5.5.0"));

    @Test
    void transactionAndRetrySettingsGoIntoTheBrokerConfiguration() {
        container.withTransactionTimeout(Duration.ofSeconds(3))
            .withTransactionCheckInterval(Duration.ofSeconds(2))
            .withTransactionOpBatchInterval(Duration.ofMillis(100))
            .withTransactionCheckMax(5)
            .withConsumerRetryDelay(Duration.ofSeconds(2));

        assertThat(container.brokerProperties())
            .containsEntry("transactionTimeOut", "3000")
            .containsEntry("transactionCheckInterval", "2000")
            .containsEntry("transactionOpBatchInterval", "100")
            .containsEntry("transactionCheckMax", "5")
            .containsEntry("messageDelayLevel", String.join(" ", Collections.nCopies(18, "2s")));
    }

    @Test
    void brokerPropertyOverridesTheContainersOwnSetting() {
        container.withBrokerProperty("transactionCheckMax", "3").withBrokerProperty("transRocksDBEnable", "true");

        assertThat(container.brokerProperties())
            .containsEntry("transactionCheckMax", "3")
            .containsEntry("transRocksDBEnable", "true");
    }

    @Test
    void brokerAdvertisesLoopback() {
        assertThat(container.brokerProperties()).containsEntry("brokerIP1", "127.0.0.1");
    }

    @Test
    void addressSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> container.withBrokerProperty("brokerIP1", "10.0.0.7"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("brokerIP1")
            .hasMessageContaining("advertises");
    }

    @Test
    void retryDelayInFractionsOfASecondIsRefused() {
        assertThatThrownBy(() -> container.withConsumerRetryDelay(Duration.ofMillis(1500)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("consumerRetryDelay")
            .hasMessageContaining("whole seconds");
    }

    @Test
    void opBatchIntervalNotBelowTheTransactionTimeoutIsRefused() {
        container.withTransactionTimeout(Duration.ofMillis(500)).withTransactionOpBatchInterval(Duration.ofMillis(500));

        assertThatThrownBy(container::validate)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("transactionOpBatchInterval (500 ms)")
            .hasMessageContaining("transactionTimeout (500 ms)");
    }

    @Test
    void nonPositiveDurationsAreRefused() {
        assertThatThrownBy(() -> container.withTransactionTimeout(Duration.ZERO))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("transactionTimeout must be positive");
    }

    @Test
    void brokerNameWithSpacesIsRefused() {
        assertThatThrownBy(() -> container.withBrokerName("broker a"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("brokerName");
    }
}
