package dev.rocketmqtx.camel.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends a fixed number of messages with a number of concurrent senders, and fails on the first failed send. */
final class SendBatch {

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
                        sender.send(body);
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
}
