package dev.rocketmqtx.examples.crashrecovery;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Events of the demo from every JVM, printed as they happen with the seconds since the start. */
public class Timeline {

    private final long startNanos = System.nanoTime();
    private final List<String> events = new CopyOnWriteArrayList<>();

    public synchronized void add(String source, String event) {
        String line = String.format("%6.1f s  %-10s %s", (System.nanoTime() - startNanos) / 1e9, source, event);
        events.add(line);
        System.out.println(line);
    }

    public List<String> events() {
        return List.copyOf(events);
    }

    public boolean contains(String source, String text) {
        return events.stream().anyMatch(line -> line.contains(" " + source + " ") && line.contains(text));
    }
}
