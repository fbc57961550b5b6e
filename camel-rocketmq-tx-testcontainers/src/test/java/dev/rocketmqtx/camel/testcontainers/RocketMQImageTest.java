package dev.rocketmqtx.camel.testcontainers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing what goes into the image (no Docker). */
class RocketMQImageTest {

    @TempDir
    Path jars;

    @Test
    void jarFolderGivesTheVersionOfItsBrokerJar() throws IOException {
        Files.createFile(jars.resolve("rocketmq-broker-5.4.0.jar"));
        Files.createFile(jars.resolve("rocketmq-namesrv-5.4.0.jar"));

        assertThat(RocketMQImage.fromJars(jars).rocketMQVersion()).isEqualTo("5.4.0");
    }

    @Test
    void jarFolderWithoutABrokerJarIsRefusedNamingTheFolder() throws IOException {
        Files.createFile(jars.resolve("rocketmq-namesrv-5.4.0.jar"));

        assertThatThrownBy(() -> RocketMQImage.fromJars(jars).rocketMQVersion())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(jars.toString())
            .hasMessageContaining("rocketmq-broker-<version>.jar");
    }

    @Test
    void jarFolderWithoutTheNameServerOfTheBrokersVersionIsRefused() throws IOException {
        Files.createFile(jars.resolve("rocketmq-broker-5.4.0.jar"));
        Files.createFile(jars.resolve("rocketmq-namesrv-5.3.2.jar"));

        assertThatThrownBy(() -> RocketMQImage.fromJars(jars).rocketMQVersion())
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("rocketmq-namesrv-5.4.0.jar");
    }

    @Test
    void versionResolvesTheBrokerAndNameServerJarsWithTheirDependencies() {
        RocketMQJars resolved = RocketMQJars.resolve("5.5.0");

        assertThat(resolved.jars()).extracting(path -> path.getFileName().toString())
            .contains("rocketmq-broker-5.5.0.jar", "rocketmq-namesrv-5.5.0.jar", "rocketmq-store-5.5.0.jar",
                "rocketmq-client-5.5.0.jar");
    }

    @Test
    void versionThatIsNoVersionIsRefused() {
        assertThatThrownBy(() -> RocketMQImage.version("5.5.0; rm -rf /"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("5.5.0; rm -rf /");
    }

    @Test
    void defaultBaseImageIsTemurinsJava17Runtime() {
        assertThat(RocketMQImage.version("5.5.0").baseImage()).isEqualTo("eclipse-temurin:17-jre");
    }

    @Test
    void clientVersionNamesTheJarVersion() {
        assertThat(RocketMQJars.versionOf("V5_5_0")).contains("5.5.0");
        assertThat(RocketMQJars.versionOf("HIGHER_VERSION")).isEmpty();
    }
}
