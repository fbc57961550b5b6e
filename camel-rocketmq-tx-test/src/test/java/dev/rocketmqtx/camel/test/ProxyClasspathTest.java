package dev.rocketmqtx.camel.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;

import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy JVM's class path: this JVM's, without the gRPC client, however the test JVM was given it. */
class ProxyClasspathTest {

    private static final String CLASS_PATH = System.getProperty("java.class.path");

    @Test
    void leavesOutTheGrpcClientAndKeepsTheRest() {
        List<String> proxyClassPath = entries(ProxyClasspath.compute(CLASS_PATH));

        assertThat(proxyClassPath).doesNotContain(grpcClientJar())
            .containsAll(entries(CLASS_PATH).stream().filter(entry -> !entry.equals(grpcClientJar()))
                .collect(Collectors.toList()));
    }

    @Test
    void followsAManifestOnlyJarWithoutItsGrpcClient(@TempDir Path dir) throws IOException {
        // How Surefire and IDEs pass a long class path: one jar whose manifest lists the others.
        Path manifestOnly = dir.resolve("classpath.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries(CLASS_PATH).stream()
            .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(manifestOnly); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        List<String> proxyClassPath = entries(ProxyClasspath.compute(manifestOnly.toString()));

        assertThat(proxyClassPath).doesNotContain(manifestOnly.toString(), grpcClientJar())
            .contains(ProxyLauncher.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .replaceAll("/$", ""));
    }

    @Test
    void leavesOutARunnableJarWhoseManifestLeadsToTheGrpcClient(@TempDir Path dir) throws IOException {
        // "java -jar app.jar": the application's classes, and its libraries (the gRPC client among them) named in the
        // manifest. Kept, the jar would lead the proxy JVM back to the client.
        Path runnable = dir.resolve("app.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, entries(CLASS_PATH).stream()
            .map(entry -> Path.of(entry).toUri().toString()).collect(Collectors.joining(" ")));
        try (OutputStream out = Files.newOutputStream(runnable); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("app/Main.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
            jar.closeEntry();
        }

        List<String> proxyClassPath = entries(ProxyClasspath.compute(runnable.toString()));

        assertThat(proxyClassPath).doesNotContain(runnable.toString(), grpcClientJar())
            .contains(ProxyLauncher.class.getProtectionDomain().getCodeSource().getLocation().getPath()
                .replaceAll("/$", ""));
    }

    private static String grpcClientJar() {
        return Path.of(ClientServiceProvider.class.getProtectionDomain().getCodeSource().getLocation().getPath())
            .toString();
    }

    private static List<String> entries(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
            .map(entry -> Path.of(entry).toAbsolutePath().normalize().toString()).collect(Collectors.toList());
    }
}
