package dev.rocketmqtx.camel.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: starts {@link EmbeddedRocketMQ#shared()} before the test class (so its ~2 s start
 * is not charged to the first test, and a failed start fails the class clearly) and injects it into
 * {@code EmbeddedRocketMQ} parameters of constructors, {@code @BeforeAll}/{@code @BeforeEach} and test
 * methods. A {@link RocketMQProxy} parameter gets {@link RocketMQProxy#shared()}, started on first use: only
 * tests that ask for the proxy pay for its start (several seconds).
 *
 * <pre>
 * &#64;ExtendWith(EmbeddedRocketMQExtension.class)
 * class MyTest {
 *     &#64;Test
 *     void sends(EmbeddedRocketMQ rocketMQ) { ... rocketMQ.namesrvAddr() ... }
 * }
 * </pre>
 */
public final class EmbeddedRocketMQExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedRocketMQ.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == EmbeddedRocketMQ.class || type == RocketMQProxy.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == RocketMQProxy.class) {
            return RocketMQProxy.shared();
        }
        return EmbeddedRocketMQ.shared();
    }
}
