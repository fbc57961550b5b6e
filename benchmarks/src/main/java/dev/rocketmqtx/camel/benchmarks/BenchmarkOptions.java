package dev.rocketmqtx.camel.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The runner's settings, from {@code --name=value} arguments. With the defaults, the remoting sections (producer,
 * consumer, check, footprint) take about nine minutes on two quiet cores, and the gRPC, proxy-latency and consistency
 * sections about as long again; raise {@code --rounds} and {@code --round-seconds} for steadier figures.
 */
public final class BenchmarkOptions {

    static final List<String> SECTIONS = List.of("producer", "consumer", "check", "footprint", "grpc", "proxy-latency",
            "consistency");

    /** External name server; {@code null} starts an embedded broker in this JVM. */
    String namesrvAddr;
    Set<String> sections = new LinkedHashSet<>(SECTIONS);
    int messageSize = 1024;

    List<Integer> senders = List.of(1, 8);
    Set<String> contenders = new LinkedHashSet<>(List.of("a", "b", "c", "d"));
    Set<String> roundModes = new LinkedHashSet<>(List.of(RoundMode.LONG, RoundMode.SHORT));
    int warmupRounds = 1;
    int rounds = 4;
    double roundSeconds = 5;
    int shortWarmupRounds = 2;
    int shortRounds = 16;
    double shortRoundSeconds = 1;

    int consumerMessages = 200_000;
    int consumerWarmupRounds = 2;
    int consumerRounds = 8;

    int checkSamples = 10;
    int earlyCheckDelayMillis = 200;
    /** The broker's transactionTimeOut and transactionCheckInterval, read from the embedded broker when it is ours. */
    long checkTimeoutMillis = -1;
    long checkIntervalMillis = -1;

    int endpoints = 20;
    int footprintTransactions = 200_000;
    int footprintSenders = 8;

    int grpcConsumerMessages = 20_000;
    int proxyLatencySamples = 5;
    /** transactionTimeOut of the latency section's own broker. */
    long proxyLatencyTimeoutMillis = 15_000;
    int consistencyMessages = 50_000;
    String consistencyDatabase = BenchDatabase.MEMORY;

    Path reportFile;
    String runId = Long.toString(System.currentTimeMillis() % 1_000_000);

    static final String USAGE = """
            Usage: java -jar camel-rocketmq-tx-benchmarks.jar [--name=value ...]
              --namesrv=host:port          use an external broker (default: embedded broker in this JVM); its topics
                                           are created through the name server's default topic key
              --sections=producer,consumer,check,footprint,grpc,proxy-latency,consistency   what to run (default:
                                           all); grpc and proxy-latency start RocketMQ proxies and need the embedded
                                           broker
              --message-size=1024          body size in bytes
              --senders=1,8                concurrent senders of the producer rounds
              --contenders=a,b,c,d         producer contenders: a raw sync send, b raw transactional, c rocketmq-tx
                                           route, d the same route to a minimal raw-client producer (Camel's share);
                                           e (not by default) as d without the local-transaction route; f (not by
                                           default) as c with a Processor as the local transaction
              --round-modes=long,short     producer round modes, each with its own rounds and tables
              --warmup-rounds=1 --rounds=4 --round-seconds=5   long mode: rounds per contender and sender count
              --short-warmup-rounds=2 --short-rounds=16 --short-round-seconds=1   short mode: the same, contenders
                                           switching every second
              --consumer-messages=200000 --consumer-warmup-rounds=2 --consumer-rounds=8
              --check-samples=10           half messages left UNKNOWN and resolved by the check route
              --early-check-delay-ms=200   earlyCheckDelay of the check path's third contender
              --check-timeout-ms --check-interval-ms   the broker's settings (required with --namesrv for the target)
              --endpoints=20               producer endpoints started to measure the heap of one
              --footprint-transactions=200000 --footprint-senders=8
              --grpc-consumer-messages=20000   messages of each gRPC consumer drain (grpc section)
              --proxy-latency-samples=5 --proxy-latency-timeout-ms=15000   samples per path, and transactionTimeOut of
                                           the latency section's own broker
              --consistency-messages=50000 messages of each consumer drain of the consistency section
              --consistency-database=mem   H2 in memory (mem) or in a file (file) for the consistency section
              --report=FILE                also write the Markdown report to FILE
            """;

    static BenchmarkOptions parse(String... args) {
        BenchmarkOptions options = new BenchmarkOptions();
        for (String arg : args) {
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(USAGE);
            }
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Unknown argument " + arg + "\n" + USAGE);
            }
            options.set(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private void set(String name, String value) {
        switch (name) {
            case "namesrv" -> namesrvAddr = value;
            case "sections" -> sections = subset(name, value, SECTIONS);
            case "message-size" -> messageSize = positive(name, value);
            case "senders" -> senders = intList(name, value);
            case "contenders" -> contenders = subset(name, value, List.of("a", "b", "c", "d", "e", "f"));
            case "round-modes" -> roundModes = subset(name, value, List.of(RoundMode.LONG, RoundMode.SHORT));
            case "warmup-rounds" -> warmupRounds = atLeastZero(name, value);
            case "rounds" -> rounds = positive(name, value);
            case "round-seconds" -> roundSeconds = positiveSeconds(name, value);
            case "short-warmup-rounds" -> shortWarmupRounds = atLeastZero(name, value);
            case "short-rounds" -> shortRounds = positive(name, value);
            case "short-round-seconds" -> shortRoundSeconds = positiveSeconds(name, value);
            case "consumer-messages" -> consumerMessages = positive(name, value);
            case "consumer-warmup-rounds" -> consumerWarmupRounds = atLeastZero(name, value);
            case "consumer-rounds" -> consumerRounds = positive(name, value);
            case "check-samples" -> checkSamples = positive(name, value);
            case "early-check-delay-ms" -> earlyCheckDelayMillis = positive(name, value);
            case "check-timeout-ms" -> checkTimeoutMillis = positive(name, value);
            case "check-interval-ms" -> checkIntervalMillis = positive(name, value);
            case "endpoints" -> endpoints = positive(name, value);
            case "footprint-transactions" -> footprintTransactions = positive(name, value);
            case "footprint-senders" -> footprintSenders = positive(name, value);
            case "grpc-consumer-messages" -> grpcConsumerMessages = positive(name, value);
            case "proxy-latency-samples" -> proxyLatencySamples = positive(name, value);
            case "proxy-latency-timeout-ms" -> proxyLatencyTimeoutMillis = positive(name, value);
            case "consistency-messages" -> consistencyMessages = positive(name, value);
            case "consistency-database" -> consistencyDatabase = oneOf(name, value,
                    List.of(BenchDatabase.MEMORY, BenchDatabase.FILE));
            case "report" -> reportFile = Path.of(value);
            default -> throw new IllegalArgumentException("Unknown option --" + name + "\n" + USAGE);
        }
    }

    boolean runs(String section) {
        return sections.contains(section);
    }

    /** The producer round modes to run, in the order given. */
    List<RoundMode> producerRoundModes() {
        List<RoundMode> modes = new ArrayList<>();
        for (String mode : roundModes) {
            modes.add(mode.equals(RoundMode.LONG)
                    ? new RoundMode(RoundMode.LONG, warmupRounds, rounds, roundSeconds, 0.99)
                    : new RoundMode(RoundMode.SHORT, shortWarmupRounds, shortRounds, shortRoundSeconds, 0.97));
        }
        return modes;
    }

    private static Set<String> subset(String name, String value, List<String> allowed) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String item = part.trim();
            if (!allowed.contains(item)) {
                throw new IllegalArgumentException("Option --" + name + "=" + value + ": " + item
                                                   + " is not one of " + String.join(",", allowed));
            }
            chosen.add(item);
        }
        return chosen;
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (!allowed.contains(value.trim())) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " is not one of "
                                               + String.join(",", allowed));
        }
        return value.trim();
    }

    private static double positiveSeconds(String name, String value) {
        double seconds;
        try {
            seconds = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " is not a number");
        }
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " must be above 0");
        }
        return seconds;
    }

    private static int positive(String name, String value) {
        int n = parseInt(name, value);
        if (n < 1) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " must be at least 1");
        }
        return n;
    }

    private static int atLeastZero(String name, String value) {
        int n = parseInt(name, value);
        if (n < 0) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " must not be negative");
        }
        return n;
    }

    private static int parseInt(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Option --" + name + "=" + value + " is not a number");
        }
    }

    private static List<Integer> intList(String name, String value) {
        List<Integer> list = new ArrayList<>();
        for (String part : value.split(",")) {
            list.add(positive(name, part));
        }
        return List.copyOf(list);
    }
}
