package dev.rocketmqtx.camel.karaf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import dev.rocketmqtx.camel.RocketMQTxComponent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component jar is an OSGi bundle: it exports its packages and imports Camel and RocketMQ in the ranges the
 * Karaf feature provides. Read from the component artifact on the classpath, as Karaf would read it.
 */
class BundleManifestTest {

    private final Attributes manifest = componentManifest().getMainAttributes();

    @Test
    void isABundleWithASymbolicNameAndVersion() {
        assertThat(manifest.getValue("Bundle-ManifestVersion")).isEqualTo("2");
        assertThat(manifest.getValue("Bundle-SymbolicName")).isEqualTo("dev.rocketmqtx.camel-rocketmq-tx");
        assertThat(manifest.getValue("Bundle-Version")).startsWith("0.1.0");
    }

    @Test
    void exportsTheComponentPackages() {
        String exports = manifest.getValue("Export-Package");
        assertThat(exports).contains("dev.rocketmqtx.camel;", "dev.rocketmqtx.camel.producer;",
                "dev.rocketmqtx.camel.consumer;", "dev.rocketmqtx.camel.check;", "dev.rocketmqtx.camel.support;");
        assertThat(exports).contains("version=\"0.1.0\"");
    }

    @Test
    void importsCamelFrom418AndTheRocketMQClient55() {
        String imports = manifest.getValue("Import-Package");
        assertThat(imports).contains("org.apache.camel;version=\"[4.18,5)\"",
                "org.apache.camel.support;version=\"[4.18,5)\"",
                "org.apache.rocketmq.client.producer;version=\"[5.5,6)\"",
                "org.apache.rocketmq.client.consumer;version=\"[5.5,6)\"",
                "org.apache.rocketmq.acl.common;version=\"[5.5,6)\"");
        // nothing the feature does not install: no test libraries, no broker classes
        assertThat(imports).doesNotContain("org.junit", "org.apache.rocketmq.broker", "org.apache.rocketmq.store");
    }

    @Test
    void keepsTheServiceFilesCamelFindsTheComponentBy() throws IOException {
        Path location = componentLocation();
        String entry = "META-INF/services/org/apache/camel/component/rocketmq-tx";
        if (Files.isDirectory(location)) {
            assertThat(location.resolve(entry)).exists();
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                assertThat(jar.getEntry(entry)).isNotNull();
            }
        }
    }

    private static Manifest componentManifest() {
        Path location = componentLocation();
        try {
            if (Files.isDirectory(location)) {
                // the reactor's classes folder, where the manifest goal writes it before the jar is packaged
                try (InputStream in = Files.newInputStream(location.resolve("META-INF/MANIFEST.MF"))) {
                    return new Manifest(in);
                }
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the manifest of " + location, e);
        }
    }

    private static Path componentLocation() {
        try {
            return Path.of(RocketMQTxComponent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
