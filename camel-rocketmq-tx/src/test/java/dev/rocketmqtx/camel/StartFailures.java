package dev.rocketmqtx.camel;

import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Asserts that misconfigured routes fail to start, and with which message. */
public final class StartFailures {

    private StartFailures() {
    }

    /**
     * Adds the routes to the context and starts it; either must fail with {@code expected} in the messages. Stops
     * the context.
     */
    public static void assertFailsToStart(CamelContext context, RoutesBuilder routes, String expected) {
        try {
            context.addRoutes(routes);
            assertThatThrownBy(context::start).satisfies(e -> assertThat(messages(e)).contains(expected));
        } catch (Exception e) {
            assertThat(messages(e)).contains(expected);
        } finally {
            context.stop();
        }
    }

    /** The messages of the exception and all its causes: Camel wraps the option error in start-up exceptions. */
    public static String messages(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
