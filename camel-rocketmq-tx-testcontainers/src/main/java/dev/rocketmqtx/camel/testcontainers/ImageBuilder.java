package dev.rocketmqtx.camel.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;

/**
 * Builds the image of a {@link RocketMQContainer} from the Dockerfile and start script in this jar, the broker's
 * launcher classes and the RocketMQ jars, and reuses an image built before from the same content: its tag ends with
 * a hash of the Dockerfile, script, launcher, jar names and sizes, base image name and the base image's id.
 */
final class ImageBuilder {

    /** The repository part of the images' names. */
    static final String REPOSITORY = "rocketmq-tx/rocketmq";
    /** Label on every image built here, for {@code docker image prune --filter label=...}. */
    static final String LABEL = "dev.rocketmqtx.image";

    private static final Logger LOG = LoggerFactory.getLogger(RocketMQImage.class);
    private static final String RESOURCES = "/dev/rocketmqtx/camel/testcontainers/image/";
    private static final String LAUNCHER_PACKAGE = "dev/rocketmqtx/camel/testcontainers/launcher/";
    private static final List<String> LAUNCHER_CLASSES = List.of("BrokerLauncher.class", "OpBatchPacer.class");
    private static final int EXECUTABLE = 0100755;

    private ImageBuilder() {
    }

    /** Builds (or finds) the image; returns its name. Serialized: two test classes must not build one image twice. */
    static synchronized String build(RocketMQJars jars, String baseImage) {
        DockerClient docker = DockerClientFactory.instance().client();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("Dockerfile", read(RESOURCES + "Dockerfile"));
        files.put("bin/rocketmq-start", read(RESOURCES + "rocketmq-start"));
        for (String launcherClass : LAUNCHER_CLASSES) {
            files.put("launcher/" + LAUNCHER_PACKAGE + launcherClass, read("/" + LAUNCHER_PACKAGE + launcherClass));
        }
        Map<String, Path> libraries = libraries(jars.jars());

        String name = REPOSITORY + ":" + jars.version() + "-" + contentHash(files, libraries, baseImage, docker);
        if (exists(docker, name)) {
            LOG.debug("Using image {}", name);
            return name;
        }
        LOG.info("Building image {}: {} jars of RocketMQ {} on {}", name, libraries.size(), jars.version(), baseImage);
        long start = System.nanoTime();
        ImageFromDockerfile image = new ImageFromDockerfile(name, false)
            .withBuildArg("BASE_IMAGE", baseImage)
            .withBuildArg("ROCKETMQ_VERSION", jars.version());
        files.forEach((path, content) -> image.withFileFromTransferable(path,
            Transferable.of(content, path.startsWith("bin/") ? EXECUTABLE : Transferable.DEFAULT_FILE_MODE)));
        libraries.forEach(image::withFileFromPath);
        try {
            image.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Building image " + name + " on base image " + baseImage + " failed: "
                + e.getMessage() + ". The engine pulls the base image if it does not have it; without access to a"
                + " registry build a base image locally and set " + Setting.BASE_IMAGE.describe(), e);
        }
        LOG.info("Built image {} in {} ms", name, (System.nanoTime() - start) / 1_000_000);
        return name;
    }

    /** Jars by their path in the build context; a file name met twice (two group ids) gets a prefix. */
    private static Map<String, Path> libraries(List<Path> jars) {
        Map<String, Path> libraries = new LinkedHashMap<>();
        Set<String> names = new HashSet<>();
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            String unique = name;
            for (int i = 2; !names.add(unique); i++) {
                unique = i + "-" + name;
            }
            libraries.put("lib/" + unique, jar);
        }
        return libraries;
    }

    private static String contentHash(Map<String, byte[]> files, Map<String, Path> libraries, String baseImage,
                                      DockerClient docker) {
        MessageDigest digest = sha256();
        files.forEach((path, content) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update(content);
        });
        libraries.forEach((path, jar) -> digest.update((path + ":" + size(jar) + "\n").getBytes(StandardCharsets.UTF_8)));
        digest.update(baseImage.getBytes(StandardCharsets.UTF_8));
        digest.update(imageId(docker, baseImage).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    /** The base image's id, so that a new base (pulled or rebuilt) makes a new image; empty until the engine has it. */
    private static String imageId(DockerClient docker, String image) {
        try {
            return docker.inspectImageCmd(image).exec().getId();
        } catch (NotFoundException e) {
            return "";
        }
    }

    private static boolean exists(DockerClient docker, String image) {
        return !imageId(docker, image).isEmpty();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read RocketMQ jar " + file, e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = ImageBuilder.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource + " in the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read resource " + resource, e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
