package dev.rocketmqtx.camel.testcontainers;

import java.util.Optional;

/**
 * A setting given as a system property or, when that is absent, as an environment variable: build tools pass the
 * first ({@code -D...}, surefire {@code systemPropertyVariables}), CI scripts find the second easier to set for every
 * JVM of a build.
 */
enum Setting {

    /** The RocketMQ version whose jars go into the image; default: the version of the RocketMQ client in use. */
    VERSION("rocketmq.container.version", "ROCKETMQ_CONTAINER_VERSION"),
    /** A folder of RocketMQ jars to put in the image instead of resolving a version from Maven repositories. */
    JARS("rocketmq.container.jars", "ROCKETMQ_CONTAINER_JARS"),
    /** The image the RocketMQ image is built on; needs a Java 17+ runtime and a POSIX shell. */
    BASE_IMAGE("rocketmq.container.baseImage", "ROCKETMQ_CONTAINER_BASE_IMAGE"),
    /** Comma-separated Maven repository URLs to resolve RocketMQ jars from, instead of settings.xml mirrors/Central. */
    MAVEN_REPOSITORIES("rocketmq.container.mavenRepositories", "ROCKETMQ_CONTAINER_MAVEN_REPOSITORIES"),
    /** "true": a missing Docker engine fails the tests that need one instead of skipping them (set it in CI). */
    REQUIRE_DOCKER("rocketmq.container.requireDocker", "ROCKETMQ_CONTAINER_REQUIRE_DOCKER");

    private final String property;
    private final String environmentVariable;

    Setting(String property, String environmentVariable) {
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    Optional<String> value() {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** How a user sets it, for error messages. */
    String describe() {
        return "system property " + property + " or environment variable " + environmentVariable;
    }
}
