package dev.rocketmqtx.camel.grpc;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.test.EmbeddedRocketMQ;
import dev.rocketmqtx.camel.test.EmbeddedRocketMQExtension;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The gRPC client (rocketmq-client-java) is an optional dependency: in a class loader that has the test classpath
 * except that jar, a namesrvAddr route starts and carries a committed message through the shared broker, and an
 * endpoints route fails to start, naming the dependency to add.
 */
@ExtendWith(EmbeddedRocketMQExtension.class)
class WithoutGrpcClientTest {

    private static final EmbeddedRocketMQ BROKER = EmbeddedRocketMQ.shared();
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final String topic = unique("no-grpc");
    private final String consumerGroup = unique("no-grpc-cg");

    @Test
    void remotingRouteCommitsAndConsumesWithoutTheGrpcClient() throws Exception {
        BROKER.createTopic(topic);
        BROKER.createRetryTopic(consumerGroup);
        String connection = "rocketmq-tx:" + topic + "?namesrvAddr=" + BROKER.namesrvAddr();

        Object received = inClassLoaderWithoutGrpcClient("commitAndConsume",
                connection + "&producerGroup=" + unique("no-grpc-pg") + "&localTransaction=direct:local",
                connection + "&consumerGroup=" + consumerGroup, "order-1");

        // At least once: a check racing the commit may deliver it twice, but nothing else arrives.
        assertThat(received).asInstanceOf(InstanceOfAssertFactories.LIST).containsOnly("order-1");
    }

    @Test
    void endpointsRouteFailsToStartNamingTheMissingDependency() throws Exception {
        Object failure = inClassLoaderWithoutGrpcClient("startFailure",
                "rocketmq-tx:" + topic + "?endpoints=127.0.0.1:8081&localTransaction=direct:local");

        assertThat(failure).asString().contains("org.apache.rocketmq:rocketmq-client-java");
    }

    /** Calls a method of {@link IsolatedRoutes} as loaded by a class loader without the gRPC client. */
    private static Object inClassLoaderWithoutGrpcClient(String method, String... arguments) throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(classpathWithoutGrpcClient(),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("org.apache.rocketmq.client.apis.ClientServiceProvider"))
                    .isInstanceOf(ClassNotFoundException.class);
            // Camel finds components and their configurers through the thread's context class loader.
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> routes = loader.loadClass(IsolatedRoutes.class.getName());
            Class<?>[] types = new Class<?>[arguments.length];
            Arrays.fill(types, String.class);
            Method call = routes.getMethod(method, types);
            try {
                return call.invoke(null, (Object[]) arguments);
            } catch (InvocationTargetException e) {
                throw (Exception) e.getCause();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Surefire passes the test classpath in a property of its own; java.class.path holds only its booter. */
    private static URL[] classpathWithoutGrpcClient() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !new File(entry).getName().startsWith("rocketmq-client-java"))
                .map(WithoutGrpcClientTest::toUrl)
                .toArray(URL[]::new);
    }

    private static URL toUrl(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }
}
