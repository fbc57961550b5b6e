package dev.rocketmqtx.camel.testcontainers;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

import org.apache.rocketmq.common.MQVersion;

/**
 * The Docker image a {@link RocketMQContainer} runs: the name server and broker jars of one RocketMQ version on a
 * base image with a Java runtime, built on this machine by the local Docker engine on first use and then reused
 * (the image's tag names the RocketMQ version and a hash of everything that went into it).
 *
 * <pre>
 * RocketMQImage.defaults()                          // settings below, else the client's version on eclipse-temurin:17-jre
 * RocketMQImage.version("5.3.2")                    // jars resolved from the local Maven repository or Maven Central
 * RocketMQImage.fromJars(Path.of("target/rmq"))     // a folder of jars, e.g. written by dependency:copy-dependencies
 *     .withBaseImage("registry.example.com/java:17") // any Java 17+ runtime with /bin/sh, mkdir, sleep, grep
 * </pre>
 *
 * <p>Settings read by {@link #defaults()}, as system property or environment variable:
 * {@code rocketmq.container.version} / {@code ROCKETMQ_CONTAINER_VERSION},
 * {@code rocketmq.container.jars} / {@code ROCKETMQ_CONTAINER_JARS},
 * {@code rocketmq.container.baseImage} / {@code ROCKETMQ_CONTAINER_BASE_IMAGE}. Jars are looked up in
 * {@code maven.repo.local} (or the local repository of {@code ~/.m2/settings.xml}), then in
 * {@code rocketmq.container.mavenRepositories} / {@code ROCKETMQ_CONTAINER_MAVEN_REPOSITORIES} (comma-separated
 * URLs), else a mirror of Central from settings.xml, else Maven Central.
 */
public final class RocketMQImage {

    /** The base image unless configured otherwise: Eclipse Temurin's Java 17 runtime from Docker Hub. */
    public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";

    private final String description;
    private final Supplier<RocketMQJars> jars;
    private final String baseImage;

    private RocketMQImage(String description, Supplier<RocketMQJars> jars, String baseImage) {
        this.description = description;
        this.jars = jars;
        this.baseImage = baseImage;
    }

    /**
     * The image the settings describe: the jar folder of {@code rocketmq.container.jars} if set, else the version of
     * {@code rocketmq.container.version}, else the version of the RocketMQ client on the class path; on the base of
     * {@code rocketmq.container.baseImage}, else {@value #DEFAULT_BASE_IMAGE}.
     */
    public static RocketMQImage defaults() {
        RocketMQImage image = Setting.JARS.value().map(folder -> fromJars(Path.of(folder)))
            .orElseGet(() -> version(Setting.VERSION.value().orElseGet(RocketMQImage::clientVersion)));
        return Setting.BASE_IMAGE.value().map(image::withBaseImage).orElse(image);
    }

    /** RocketMQ {@code version} (e.g. "5.5.0"): rocketmq-broker and rocketmq-namesrv with their dependencies. */
    public static RocketMQImage version(String version) {
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z.\\-_]*")) {
            throw new IllegalArgumentException("RocketMQ version must look like 5.5.0, was: " + version);
        }
        return new RocketMQImage("RocketMQ " + version, memoize(() -> RocketMQJars.resolve(version)),
            DEFAULT_BASE_IMAGE);
    }

    /**
     * The jars of {@code folder}: rocketmq-broker and rocketmq-namesrv of one version and their dependencies. The
     * version is read from the broker jar's name; a folder without both jars fails with a message saying so.
     */
    public static RocketMQImage fromJars(Path folder) {
        Objects.requireNonNull(folder, "folder");
        return new RocketMQImage("RocketMQ jars of " + folder, memoize(() -> RocketMQJars.fromFolder(folder)),
            DEFAULT_BASE_IMAGE);
    }

    /**
     * The same jars on another base image: it needs a Java 17+ runtime as {@code java} on the PATH, and /bin/sh with
     * mkdir, sleep and grep (the start script's tools).
     */
    public RocketMQImage withBaseImage(String image) {
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("baseImage must not be blank");
        }
        return new RocketMQImage(description, jars, image.trim());
    }

    public String baseImage() {
        return baseImage;
    }

    /** The RocketMQ version of the jars (resolves them). */
    public String rocketMQVersion() {
        return jars.get().version();
    }

    /**
     * Builds the image unless an image of the same content exists already, and returns its name. Needs a Docker
     * engine; the base image is pulled by the engine if it does not have it.
     */
    public String build() {
        return ImageBuilder.build(jars.get(), baseImage);
    }

    @Override
    public String toString() {
        return description + " on " + baseImage;
    }

    private static String clientVersion() {
        String desc = MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION);
        return RocketMQJars.versionOf(desc).orElseThrow(() -> new IllegalStateException(
            "Cannot tell the RocketMQ version from the client's " + desc + "; set " + Setting.VERSION.describe()));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
