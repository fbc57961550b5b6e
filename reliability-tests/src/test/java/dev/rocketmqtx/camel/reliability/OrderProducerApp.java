package dev.rocketmqtx.camel.reliability;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.HalfMessageNotStoredException;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An instance of the shop's order service in a JVM of its own, for the tests that kill it. It places orders through
 * a producer endpoint that has a transactionLog and no check code; its local transaction inserts the order row under
 * {@code transacted()}, so the row and the log entry commit together or not at all.
 * <p>
 * Arguments: producer endpoint URI (without localTransaction and transactionLog), database URL, mode, number of orders. Modes:
 * <ul>
 * <li>{@code CRASH_AFTER_COMMIT}: even-numbered orders commit, odd ones roll back. Once the database transaction has
 * ended, the order prints {@code DECIDED <orderId> COMMITTED|ROLLED_BACK} and hangs, before its end is sent: the state
 * a crash between the database commit and END_TRANSACTION leaves behind.</li>
 * <li>{@code HOLD_INSIDE}: every order commits, slowly: after its insert, still inside the database transaction, it
 * prints {@code INSIDE <orderId> <transactionId>} and waits for the line {@code commit} on standard input. Then it
 * commits and prints {@code ENDED <orderId> <status>}.</li>
 * </ul>
 */
public final class OrderProducerApp {

    static final String DECIDED = "DECIDED ";
    static final String INSIDE = "INSIDE ";
    static final String ENDED = "ENDED ";
    static final String COMMIT_COMMAND = "commit";

    enum Mode {
        CRASH_AFTER_COMMIT,
        HOLD_INSIDE
    }

    private OrderProducerApp() {
    }

    /**
     * Runs the app in a JVM of its own in mode {@link Mode#CRASH_AFTER_COMMIT} until every order is decided, then
     * kills it with SIGKILL.
     *
     * @return the ids of the orders whose database transaction committed before the kill
     */
    static Set<String> runUntilDecidedThenKill(String name, Path dir, String producerUri, String databaseUrl,
                                              int orders) throws Exception {
        try (ChildJvm producer = ChildJvm.start(name, dir, List.of("-Xmx256m"), Map.of(), OrderProducerApp.class,
                producerUri, databaseUrl, Mode.CRASH_AFTER_COMMIT.name(), Integer.toString(orders))) {
            List<String> decided = producer.awaitLines(line -> line.startsWith(DECIDED), orders,
                    Duration.ofSeconds(90));
            producer.kill();
            return decided.stream().filter(line -> line.endsWith(" COMMITTED")).map(line -> line.split(" ")[1])
                    .collect(Collectors.toSet());
        }
    }

    public static void main(String[] args) throws Exception {
        String producerUri = args[0];
        int count = Integer.parseInt(args[3]);
        // A hanging transaction keeps its connection: one each, and some to spare.
        ShopDatabase database = ShopDatabase.connect(args[1], count + 8);
        Mode mode = Mode.valueOf(args[2]);
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch commitCommand = new CountDownLatch(1);
        listenForCommands(commitCommand);

        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("transactionManager", database.transactionManager());
        context.getRegistry().bind("txLog", database.repository(ShopDatabase.TRANSACTION_LOG));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // A half message that timed out on the loaded machine: nothing ran locally, send it again.
                onException(HalfMessageNotStoredException.class).maximumRedeliveries(20).redeliveryDelay(500);

                from("direct:placeOrder").to(producerUri + "&localTransaction=direct:saveOrder&transactionLog=#txLog");
                from("direct:saveOrder").transacted().process(exchange -> {
                    String orderId = exchange.getMessage().getHeader("orderId", String.class);
                    String transactionId = exchange.getMessage().getHeader(RocketMQTxConstants.TRANSACTION_ID,
                            String.class);
                    database.insertOrder(orderId, transactionId);
                    if (mode == Mode.CRASH_AFTER_COMMIT) {
                        if (number(orderId) % 2 != 0) {
                            exchange.getMessage().setHeader(RocketMQTxConstants.STATUS, TransactionStatus.ROLLBACK);
                        }
                        hangAfterTheDatabaseTransaction(orderId, never);
                    } else {
                        print(INSIDE + orderId + " " + transactionId);
                        // The slow part of the local transaction: it ends when the test says so.
                        commitCommand.await();
                    }
                });
            }
        });
        context.start();
        ProducerTemplate template = context.createProducerTemplate();
        ExecutorService senders = Executors.newFixedThreadPool(count);
        for (int i = 0; i < count; i++) {
            String orderId = "order-" + i;
            senders.execute(() -> {
                Exchange sent = template.send("direct:placeOrder", e -> {
                    e.getMessage().setBody("order " + orderId);
                    e.getMessage().setHeader("orderId", orderId);
                });
                print(ENDED + orderId + " " + sent.getMessage().getHeader(RocketMQTxConstants.STATUS)
                      + (sent.getException() != null ? " " + sent.getException() : ""));
            });
        }
        never.await();
    }

    private static int number(String orderId) {
        return Integer.parseInt(orderId.substring(orderId.lastIndexOf('-') + 1));
    }

    /**
     * Runs when the database transaction of the local transaction (the outermost one, which also holds the log
     * entry) has committed or rolled back, in the sending thread, before the producer sends the end.
     */
    private static void hangAfterTheDatabaseTransaction(String orderId, CountDownLatch never) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                print(DECIDED + orderId + (status == STATUS_COMMITTED ? " COMMITTED" : " ROLLED_BACK"));
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    private static void listenForCommands(CountDownLatch commitCommand) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (COMMIT_COMMAND.equals(line.trim())) {
                        commitCommand.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // The test JVM went away; this one is killed with it.
            }
        }, "commands");
        reader.setDaemon(true);
        reader.start();
    }

    private static synchronized void print(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
