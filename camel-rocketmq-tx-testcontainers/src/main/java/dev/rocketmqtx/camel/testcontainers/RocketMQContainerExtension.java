package dev.rocketmqtx.camel.testcontainers;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;

/**
 * JUnit 5 extension: starts the JVM's shared {@link RocketMQContainer} before the test class and injects it into
 * {@code RocketMQContainer} parameters of constructors, lifecycle and test methods. Without a Docker engine the
 * class is skipped with the reason, or fails when {@code rocketmq.container.requireDocker} (system property) or
 * {@code ROCKETMQ_CONTAINER_REQUIRE_DOCKER} (environment) is {@code true}, as it should be in CI.
 *
 * <pre>
 * &#64;ExtendWith(RocketMQContainerExtension.class)
 * class OrderRoutesTest {
 *     &#64;Test
 *     void ships(RocketMQContainer rocketMQ) { ... rocketMQ.namesrvAddr() ... }
 * }
 * </pre>
 *
 * The shared container has the settings of {@link RocketMQImage#defaults()} and of a new {@link RocketMQContainer};
 * it is started once per JVM and stopped when the JVM exits (Testcontainers' reaper removes it too when enabled).
 * Tests that change the broker (restart it, other settings) should start a container of their own.
 */
public final class RocketMQContainerExtension implements BeforeAllCallback, TestInstancePreConstructCallback,
    ParameterResolver {

    private static RocketMQContainer shared;

    /** The JVM's shared container, started on first use. */
    public static synchronized RocketMQContainer shared() {
        if (shared == null) {
            RocketMQContainer container = new RocketMQContainer();
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "rocketmq-container-stop"));
            shared = container;
        }
        return shared;
    }

    /** Starts the shared container; without an engine fails if one is required, else leaves it to each test. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (DockerAvailability.engineOrRequired()) {
            shared();
        }
    }

    /**
     * Skips each test, before its instance (whose fields may use the container) is made, when there is no engine.
     * Per test, not per class: build tools report a class skipped in beforeAll as no tests at all, which reads as green.
     */
    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        DockerAvailability.assumeEngine();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == RocketMQContainer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return shared();
    }
}
