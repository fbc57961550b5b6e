package dev.rocketmqtx.camel.testcontainers;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;

/**
 * Whether tests that need a Docker engine can run. Without one they are skipped with the reason, unless
 * {@link Setting#REQUIRE_DOCKER} says an engine is required (as CI does): then they fail. Anything else that goes
 * wrong (an image that cannot be built, a container that does not start) always fails.
 */
final class DockerAvailability {

    private DockerAvailability() {
    }

    /** Aborts the calling test (reported as skipped, with the reason) or fails it when an engine is required. */
    static void assumeEngine() {
        if (!engineOrRequired()) {
            Assumptions.abort("No Docker engine: " + missingEngine().orElse("") + ". Tests with a RocketMQ container are"
                + " skipped (set " + Setting.REQUIRE_DOCKER.describe() + " to true to fail instead)");
        }
    }

    /**
     * True when an engine answers; false when none does and none is required.
     *
     * @throws IllegalStateException when none answers and one is required
     */
    static boolean engineOrRequired() {
        Optional<String> missing = missingEngine();
        if (missing.isEmpty()) {
            return true;
        }
        if (Setting.REQUIRE_DOCKER.value().map(Boolean::parseBoolean).orElse(false)) {
            throw new IllegalStateException("No Docker engine: " + missing.get() + ". A Docker engine is required here ("
                + Setting.REQUIRE_DOCKER.describe() + " is true)");
        }
        return false;
    }

    /** Why no engine can be used; empty when one answers. */
    private static Optional<String> missingEngine() {
        try {
            DockerClientFactory.instance().client();
            return Optional.empty();
        } catch (IllegalStateException e) {
            // Testcontainers' way of saying that none of its strategies found an engine that answers.
            return Optional.of(e.getMessage());
        }
    }
}
