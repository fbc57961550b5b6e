package dev.rocketmqtx.camel.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A Java process started from this test JVM's own classpath, so that it can be killed with SIGKILL. Its temp folder and
 * user.home are under target/ (a killed JVM leaves RocketMQ's extracted native library behind), its output is kept in
 * memory for assertions and copied to {@code output.log} in its folder.
 */
final class ChildJvm implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        Thread reader = new Thread(() -> pump(log), "child-jvm-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts {@code mainClass} with {@code args} in a new JVM.
     *
     * @param dir     the child's folder (temp folder, user.home and output log live in it)
     * @param jvmArgs extra JVM options (system properties, heap)
     * @param env     extra environment variables
     */
    static ChildJvm start(String name, Path dir, List<String> jvmArgs, Map<String, String> env, Class<?> mainClass,
                          String... args) {
        try {
            Files.createDirectories(dir.resolve("tmp"));
            Files.createDirectories(dir.resolve("home"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Djava.io.tmpdir=" + dir.resolve("tmp").toAbsolutePath());
            command.add("-Duser.home=" + dir.resolve("home").toAbsolutePath());
            command.addAll(jvmArgs);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(mainClass.getName());
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            return new ChildJvm(name, builder.start(), dir.resolve("output.log"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start child JVM " + name, e);
        }
    }

    private void pump(Path log) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                out.println(line);
            }
        } catch (IOException e) {
            // The process died; what it printed so far is kept.
        }
    }

    /** Lines printed so far (stdout and stderr). */
    List<String> lines() {
        return lines;
    }

    /** Waits until at least {@code count} printed lines match; fails early, with the output, if the child exits. */
    List<String> awaitLines(Predicate<String> matching, int count, Duration timeout) {
        await("child JVM " + name + " to print " + count + " matching lines").atMost(timeout).until(() -> {
            if (!process.isAlive() && lines.stream().filter(matching).count() < count) {
                throw new IllegalStateException("Child JVM " + name + " exited with " + process.exitValue()
                                                + "; output:\n" + String.join("\n", lines));
            }
            return lines.stream().filter(matching).count() >= count;
        });
        return lines.stream().filter(matching).toList();
    }

    /** Writes a line to the child's standard input: a command for the application in it. */
    void tell(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to child JVM " + name, e);
        }
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye to the broker. Returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
