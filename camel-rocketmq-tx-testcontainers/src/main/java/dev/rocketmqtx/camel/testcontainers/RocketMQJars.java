package dev.rocketmqtx.camel.testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/** The jars of a RocketMQ name server and broker of one version: resolved from Maven repositories, or a given folder. */
final class RocketMQJars {

    private static final Pattern BROKER_JAR = Pattern.compile("rocketmq-broker-(.+)\\.jar");

    private final String version;
    private final List<Path> jars;

    private RocketMQJars(String version, List<Path> jars) {
        this.version = version;
        this.jars = jars;
    }

    String version() {
        return version;
    }

    List<Path> jars() {
        return jars;
    }

    /** rocketmq-broker and rocketmq-namesrv of {@code version} with their run-time dependencies. */
    static RocketMQJars resolve(String version) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        try {
            DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
            session.setSystemProperties(System.getProperties());
            session.setLocalRepositoryManager(system.newLocalRepositoryManager(session,
                new LocalRepository(MavenRepositories.local().toFile())));
            CollectRequest collect = new CollectRequest();
            collect.addDependency(new Dependency(new DefaultArtifact("org.apache.rocketmq:rocketmq-broker:" + version),
                JavaScopes.RUNTIME));
            collect.addDependency(new Dependency(new DefaultArtifact("org.apache.rocketmq:rocketmq-namesrv:" + version),
                JavaScopes.RUNTIME));
            collect.setRepositories(MavenRepositories.remote());
            DependencyRequest request = new DependencyRequest(collect,
                DependencyFilterUtils.classpathFilter(JavaScopes.RUNTIME));
            List<Path> jars = system.resolveDependencies(session, request).getArtifactResults().stream()
                .map(ArtifactResult::getArtifact)
                .map(artifact -> artifact.getFile().toPath())
                .sorted(Comparator.comparing(path -> path.getFileName().toString()))
                .toList();
            return new RocketMQJars(version, jars);
        } catch (DependencyResolutionException e) {
            throw new IllegalStateException("Cannot resolve RocketMQ " + version + " (rocketmq-broker and rocketmq-namesrv)"
                + " from " + MavenRepositories.remote().stream().map(r -> r.getUrl()).toList() + " with local repository "
                + MavenRepositories.local() + ": " + e.getMessage()
                + ". Check the version, or give a folder of jars (" + Setting.JARS.describe() + ")", e);
        } finally {
            system.shutdown();
        }
    }

    /**
     * The jars of a folder that holds rocketmq-broker and rocketmq-namesrv of one version with their dependencies
     * (what {@code mvn dependency:copy-dependencies} of those two artifacts writes).
     */
    static RocketMQJars fromFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("RocketMQ jar folder " + folder + " does not exist or is not a folder");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(path -> path.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list RocketMQ jar folder " + folder, e);
        }
        String version = jars.stream().map(path -> BROKER_JAR.matcher(path.getFileName().toString()))
            .filter(Matcher::matches).map(matcher -> matcher.group(1)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("RocketMQ jar folder " + folder
                + " holds no rocketmq-broker-<version>.jar"));
        String namesrv = "rocketmq-namesrv-" + version + ".jar";
        if (jars.stream().noneMatch(path -> path.getFileName().toString().equals(namesrv))) {
            throw new IllegalArgumentException("RocketMQ jar folder " + folder + " holds rocketmq-broker-" + version
                + ".jar but no " + namesrv);
        }
        return new RocketMQJars(version, jars);
    }

    /** The version named by a RocketMQ version constant ("V5_5_0" → "5.5.0"); empty for other forms. */
    static Optional<String> versionOf(String versionDesc) {
        Matcher matcher = Pattern.compile("V(\\d+)_(\\d+)_(\\d+)").matcher(versionDesc);
        return matcher.matches()
            ? Optional.of(matcher.group(1) + "." + matcher.group(2) + "." + matcher.group(3))
            : Optional.empty();
    }
}
