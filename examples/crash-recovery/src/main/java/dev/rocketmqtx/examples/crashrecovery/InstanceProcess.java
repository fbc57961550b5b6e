package dev.rocketmqtx.examples.crashrecovery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An {@link OrderServiceInstance} in a JVM of its own, on this JVM's classpath; its stdout feeds the timeline. */
public final class InstanceProcess {

    private final String name;
    private final Process process;
    private final Timeline timeline;

    private InstanceProcess(String name, Process process, Timeline timeline) {
        this.name = name;
        this.process = process;
        this.timeline = timeline;
    }

    public static InstanceProcess start(String name, Path workDir, Timeline timeline, String... args)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                // A killed JVM leaves its temp files behind: keep them in the demo's folder.
                "-Djava.io.tmpdir=" + workDir.resolve("tmp"),
                "-Duser.home=" + workDir.resolve("home"),
                "-cp", System.getProperty("java.class.path"),
                OrderServiceInstance.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        InstanceProcess instance = new InstanceProcess(name, process, timeline);
        Thread reader = new Thread(instance::forwardOutput, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        return instance;
    }

    private void forwardOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                timeline.add(name, line);
            }
        } catch (IOException e) {
            // The process is gone; so is its output.
        }
    }

    /** SIGKILL on Linux: no shutdown hook, no last message to the broker. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, for a graceful stop; killed if that takes too long. */
    public void stop(Duration grace) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }
}
