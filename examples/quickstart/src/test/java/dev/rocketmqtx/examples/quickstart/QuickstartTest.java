package dev.rocketmqtx.examples.quickstart;

import java.time.Duration;

import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart's scenario against a real embedded broker: what is shipped is exactly what is saved, with the
 * broker's checks answered by the transaction log alone.
 */
class QuickstartTest {

    @Test
    void shipsExactlyTheOrdersSavedInTheDatabase() throws Exception {
        EmbeddedRocketMQ broker = EmbeddedRocketMQ.shared();
        broker.createTopic("orders");
        broker.createRetryTopic("shipping");

        QuickstartReport report = QuickstartRun.run(broker.namesrvAddr(), Duration.ofSeconds(4), Duration.ofSeconds(60));

        assertThat(report.settled()).as("every order decided and delivered in time").isTrue();
        assertThat(report.delivered()).isEqualTo(report.rows());
        assertThat(report.consistent()).isTrue();
        assertThat(report.ended(TransactionStatus.COMMIT)).hasSize(14);
        assertThat(report.ended(TransactionStatus.ROLLBACK)).containsExactly("order-04", "order-11", "order-17");
        assertThat(report.resolvedByCheck(TransactionStatus.COMMIT)).containsExactly("order-06", "order-14");
        assertThat(report.resolvedByCheck(TransactionStatus.ROLLBACK)).containsExactly("order-09");
        assertThat(report.rows()).hasSize(16).doesNotContain("order-04", "order-09", "order-11", "order-17");
    }
}
