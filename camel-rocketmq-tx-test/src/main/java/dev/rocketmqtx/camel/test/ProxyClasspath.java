package dev.rocketmqtx.camel.test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of a proxy JVM: this JVM's class path without the gRPC client.
 *
 * <p>{@code rocketmq-client-java} bundles its own copy of the gRPC protocol classes ({@code apache.rocketmq.v2.*}),
 * built against a relocated gRPC; the proxy needs the copy from {@code rocketmq-proto}, built against plain gRPC.
 * Whichever comes first on a class path wins, and the proxy fails to start with the client's copy
 * ({@code ClassCastException: GrpcMessagingApplication cannot be cast to io.grpc.BindableService}). The test JVM
 * keeps the client; the proxy JVM gets everything else, so the proxy runs from the very artifacts the build tool
 * resolved for the test, with no paths written into this jar.
 */
final class ProxyClasspath {

    /** A class only the gRPC client has, in its shaded and its plain ("noshade") artifact alike. */
    private static final String GRPC_CLIENT_CLASS = "org/apache/rocketmq/client/java/impl/ClientImpl.class";
    private static final String PROXY_MAIN_CLASS = "org/apache/rocketmq/proxy/ProxyStartup.class";

    private static String cached;

    private ProxyClasspath() {
    }

    /** This JVM's class path minus the gRPC client, as {@code java -cp} takes it. */
    static synchronized String forProxy() {
        if (cached == null) {
            cached = compute(System.getProperty("java.class.path", ""));
        }
        return cached;
    }

    static String compute(String classPath) {
        Scan scan = new Scan();
        for (String element : classPath.split(File.pathSeparator)) {
            if (!element.isBlank()) {
                scan.add(Path.of(element).toAbsolutePath().normalize());
            }
        }
        if (!scan.hasProxy) {
            throw new IllegalStateException("org.apache.rocketmq:rocketmq-proxy is not on the class path of this JVM;"
                + " the proxy JVM runs from it (camel-rocketmq-tx-test depends on it: was it excluded?)");
        }
        return String.join(File.pathSeparator, scan.kept);
    }

    /**
     * One pass over the class path. The {@code Class-Path} of jars is followed: Surefire (without
     * {@code useManifestOnlyJar=false}) and IDEs with a shortened command line start tests with a manifest-only jar,
     * and a runnable jar ({@code java -jar app.jar}) names its libraries there. A jar whose {@code Class-Path} leads to
     * the gRPC client is itself left out, since the proxy JVM would follow it back to the client; the entries it
     * names are kept one by one. The proxy needs none of the classes of such a jar (the application's own).
     */
    private static final class Scan {
        final Set<Path> seen = new HashSet<>();
        final Set<Path> grpcClients = new HashSet<>();
        final List<String> kept = new ArrayList<>();
        boolean hasProxy;

        /** Adds the entry and what it names; returns whether it is, or leads to, the gRPC client. */
        boolean add(Path entry) {
            if (!Files.exists(entry)) {
                return false;
            }
            if (!seen.add(entry)) {
                return grpcClients.contains(entry);
            }
            if (Files.isDirectory(entry)) {
                if (Files.isRegularFile(entry.resolve(GRPC_CLIENT_CLASS))) {
                    grpcClients.add(entry);
                    return true;
                }
                hasProxy |= Files.isRegularFile(entry.resolve(PROXY_MAIN_CLASS));
                kept.add(entry.toString());
                return false;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                if (jar.getEntry(GRPC_CLIENT_CLASS) != null) {
                    grpcClients.add(entry);
                    return true;
                }
                hasProxy |= jar.getEntry(PROXY_MAIN_CLASS) != null;
                List<Path> referenced = manifestClassPath(entry, jar);
                // The jar goes before the entries it names, as the JVM reads them.
                int position = kept.size();
                boolean leadsToClient = false;
                for (Path named : referenced) {
                    leadsToClient |= add(named);
                }
                if (leadsToClient) {
                    grpcClients.add(entry);
                } else if (referenced.isEmpty() || hasClasses(jar)) {
                    kept.add(position, entry.toString());
                }
                return leadsToClient;
            } catch (IOException e) {
                // Not a readable jar: the JVM ignores it too.
                return false;
            }
        }
    }

    private static List<Path> manifestClassPath(Path path, JarFile jar) throws IOException {
        List<Path> referenced = new ArrayList<>();
        Manifest manifest = jar.getManifest();
        String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        if (classPath == null || classPath.isBlank()) {
            return referenced;
        }
        URI base = path.toUri();
        for (String url : classPath.trim().split("\\s+")) {
            try {
                URI resolved = base.resolve(url);
                if ("file".equals(resolved.getScheme())) {
                    referenced.add(Path.of(resolved).normalize());
                }
            } catch (IllegalArgumentException e) {
                // An entry the JVM could not use either.
            }
        }
        return referenced;
    }

    private static boolean hasClasses(JarFile jar) {
        return jar.stream().anyMatch(entry -> entry.getName().endsWith(".class"));
    }
}
