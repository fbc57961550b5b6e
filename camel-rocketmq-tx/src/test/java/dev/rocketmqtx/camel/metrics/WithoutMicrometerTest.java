package dev.rocketmqtx.camel.metrics;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Micrometer is optional: in a class loader that has everything of the test classpath except Micrometer, a Camel
 * context creates and starts rocketmq-tx endpoints as usual. (Starting an endpoint binds its meters; no client is
 * created before a producer or consumer starts, so no broker is needed.)
 */
class WithoutMicrometerTest {

    @Test
    void componentStartsEndpointsWithoutMicrometerOnTheClasspath() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader withoutMicrometer = new URLClassLoader(classpathWithoutMicrometer(),
                ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> withoutMicrometer.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);
            // Camel finds components and their configurers through the thread's context class loader.
            Thread.currentThread().setContextClassLoader(withoutMicrometer);

            Class<?> contextClass = withoutMicrometer.loadClass("org.apache.camel.impl.DefaultCamelContext");
            Object context = contextClass.getConstructor().newInstance();
            contextClass.getMethod("start").invoke(context);
            try {
                Object endpoint = contextClass.getMethod("getEndpoint", String.class).invoke(context,
                        "rocketmq-tx:no-micrometer?namesrvAddr=127.0.0.1:9876&consumerGroup=cg");
                assertThat(endpoint.getClass().getName()).isEqualTo("dev.rocketmqtx.camel.RocketMQTxEndpoint");
                assertThat(endpoint.getClass().getMethod("isStarted").invoke(endpoint)).isEqualTo(true);
            } finally {
                contextClass.getMethod("stop").invoke(context);
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Surefire passes the test classpath in a property of its own; java.class.path holds only its booter. */
    private static URL[] classpathWithoutMicrometer() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator))
                .filter(entry -> !entry.contains("micrometer"))
                .map(WithoutMicrometerTest::toUrl)
                .toArray(URL[]::new);
    }

    private static URL toUrl(String entry) {
        try {
            return new File(entry).toURI().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
