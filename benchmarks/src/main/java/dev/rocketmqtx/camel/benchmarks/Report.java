package dev.rocketmqtx.camel.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The Markdown report, printed as it grows so that a long run shows its progress. */
final class Report {

    private final StringBuilder text = new StringBuilder();

    void heading(String title) {
        append("\n### " + title + "\n");
    }

    void line(String line) {
        append(line + "\n");
    }

    void row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        append(row + "\n");
    }

    /** A header row and its separator. */
    void header(String... cells) {
        row((Object[]) cells);
        row((Object[]) java.util.Collections.nCopies(cells.length, "---").toArray(new String[0]));
    }

    private synchronized void append(String s) {
        text.append(s);
        System.out.print(s);
        System.out.flush();
    }

    synchronized String text() {
        return text.toString();
    }

    void writeTo(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, text());
    }

    static String f0(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    /** The system's load average over the last minute: how busy other processes kept the machine. */
    static String loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : f2(load);
    }

    static String f1(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String f2(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String f3(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1024.0 / 1024.0);
    }

    static String kib(long bytes) {
        return String.format(Locale.ROOT, "%,.0f KiB", bytes / 1024.0);
    }

    static String target(boolean met) {
        return met ? "met" : "MISSED";
    }
}
