package dev.rocketmqtx.examples.crashrecovery;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer killed between its database commit and its COMMIT loses nothing and duplicates nothing, with no check
 * code: the next instance answers the broker's check from the transaction log.
 */
class CrashRecoveryTest {

    @Test
    void orderCommittedByAKilledInstanceIsDeliveredExactlyOnceThroughTheNextInstancesTransactionLog() throws Exception {
        // Not closed: its shutdown would take 10-18 s, and the test JVM ends right after this test.
        EmbeddedRocketMQ broker = CrashRecovery.startBroker();
        Path workDir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "crash-recovery-");

        CrashRecovery.Result result = CrashRecovery.run(broker.namesrvAddr(), workDir);

        assertThat(result.deliveries()).isEqualTo(1);
        assertThat(result.rows()).isEqualTo(1);
        assertThat(result.timeline()).anySatisfy(line -> assertThat(line)
                .contains("instance-2").contains("broker check answered from the transaction log -> COMMIT"));
    }
}
