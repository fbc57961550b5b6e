package dev.rocketmqtx.camel.reliability;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh topic and group names per test, and the build folder tests write into. */
final class Names {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Names() {
    }

    static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
    }

    /** A folder under this module's target/ (surefire runs in the module folder and sets basedir). */
    static Path buildDir(String name) {
        return Path.of(System.getProperty("basedir", "."), "target", name).toAbsolutePath();
    }
}
