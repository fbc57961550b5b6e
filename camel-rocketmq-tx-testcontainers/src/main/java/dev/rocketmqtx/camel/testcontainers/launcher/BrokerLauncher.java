package dev.rocketmqtx.camel.testcontainers.launcher;

import java.lang.reflect.Method;

/**
 * The broker's main class inside the container image: starts the broker exactly as RocketMQ's own
 * {@code BrokerStartup} does, then paces its transaction op-batch thread (see {@link OpBatchPacer}). Runs in the
 * container, with only RocketMQ's jars on the class path, so broker classes are reached by reflection: this module
 * does not depend on the broker, and the image may hold another RocketMQ version than the client's.
 */
public final class BrokerLauncher {

    private static final String BROKER_STARTUP = "org.apache.rocketmq.broker.BrokerStartup";

    private BrokerLauncher() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        Class<?> startup = Class.forName(BROKER_STARTUP);
        // Parses -c <file>, builds and initializes the controller, installs the shutdown hook; exits the JVM on failure.
        Object controller = startup.getMethod("createBrokerController", String[].class).invoke(null, (Object) args);
        Method start = findStart(startup, controller.getClass());
        // Starts the broker and prints "The broker[...] boot success"; exits the JVM on failure.
        start.invoke(null, controller);
        OpBatchPacer.install(controller);
    }

    private static Method findStart(Class<?> startup, Class<?> controllerClass) throws NoSuchMethodException {
        for (Method method : startup.getMethods()) {
            if (method.getName().equals("start") && method.getParameterCount() == 1
                && method.getParameterTypes()[0].isAssignableFrom(controllerClass)) {
                return method;
            }
        }
        throw new NoSuchMethodException(BROKER_STARTUP + ".start(BrokerController)");
    }
}
