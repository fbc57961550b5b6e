package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a fixed number of messages with a number of concurrent senders. A failed send is retried a few times: on a
 * crowded machine a send can miss its timeout, and a pre-load or a footprint run should not die of it.
 */
final class SendBatch {

    private static final int MAX_ATTEMPTS = 5;

    private SendBatch() {
    }

    static void run(Sender sender, int senders, int messages, byte[] body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> tasks = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                tasks.add(pool.submit(() -> {
                    while (next.getAndIncrement() < messages) {
                        sendWithRetries(sender, body);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sendWithRetries(Sender sender, byte[] body) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                sender.send(body);
                return;
            } catch (Exception e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
