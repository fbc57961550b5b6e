package dev.rocketmqtx.camel.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * One round of one contender: {@code senders} threads send back to back for a fixed time, each timing every send.
 * Throughput is counted over the round's wall time, from the common start to the last thread's last send.
 */
final class LoadRound {

    /** The JDK's own bean, which also counts the bytes a thread allocated. */
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private LoadRound() {
    }

    static void run(Sender sender, int senders, long durationNanos, byte[] body, SendStats into)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(senders);
        CountDownLatch go = new CountDownLatch(1);
        List<Worker> workers = new ArrayList<>();
        AtomicReference<Long> deadline = new AtomicReference<>();
        for (int i = 0; i < senders; i++) {
            Worker worker = new Worker(sender, body, ready, go, deadline);
            // Named for the contender, so that a profile (JFR) of a run with all contenders can tell them apart.
            worker.setName("bench-sender-" + sender.id() + "-" + i);
            workers.add(worker);
            worker.start();
        }
        ready.await();
        long start = System.nanoTime();
        deadline.set(start + durationNanos);
        go.countDown();
        Histogram latencies = new Histogram(3);
        long messages = 0;
        long errors = 0;
        long cpuNanos = 0;
        long allocatedBytes = 0;
        long end = start;
        Exception firstError = null;
        for (Worker worker : workers) {
            worker.join();
            latencies.add(worker.latencies);
            messages += worker.messages;
            errors += worker.errors;
            cpuNanos += worker.cpuNanos;
            allocatedBytes += worker.allocatedBytes;
            end = Math.max(end, worker.lastEnd);
            firstError = firstError != null ? firstError : worker.firstError;
        }
        if (firstError != null) {
            System.err.println(sender.name() + ": " + errors + " failed sends in the round, first: " + firstError);
        }
        into.add(messages, errors, end - start, latencies, cpuNanos, allocatedBytes);
    }

    private static final class Worker extends Thread {

        private final Sender sender;
        private final byte[] body;
        private final CountDownLatch ready;
        private final CountDownLatch go;
        private final AtomicReference<Long> deadline;
        final Histogram latencies = new Histogram(3);
        long messages;
        long errors;
        long lastEnd;
        long cpuNanos;
        long allocatedBytes;
        Exception firstError;

        Worker(Sender sender, byte[] body, CountDownLatch ready, CountDownLatch go, AtomicReference<Long> deadline) {
            this.sender = sender;
            this.body = body;
            this.ready = ready;
            this.go = go;
            this.deadline = deadline;
            // Grown here, in the starting thread, to cover sends of up to 10 s: a histogram growing while the round
            // runs would add its copies to the sending thread's CPU and allocation (hundreds of bytes per message
            // in short rounds).
            latencies.recordValue(TimeUnit.SECONDS.toNanos(10));
            latencies.reset();
        }

        @Override
        public void run() {
            ready.countDown();
            try {
                go.await();
            } catch (InterruptedException e) {
                return;
            }
            long stopAt = deadline.get();
            // CPU time of the sending thread: where the component does all its work (mapping, both routes, the
            // outcome), and unlike wall time hardly moved by other processes competing for the cores.
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long allocatedStart = THREADS.getCurrentThreadAllocatedBytes();
            long now = System.nanoTime();
            while (now < stopAt) {
                long begin = now;
                try {
                    sender.send(body);
                    now = System.nanoTime();
                    latencies.recordValue(now - begin);
                    messages++;
                } catch (Exception e) {
                    now = System.nanoTime();
                    errors++;
                    if (firstError == null) {
                        firstError = e;
                    }
                }
            }
            lastEnd = now;
            cpuNanos = THREADS.getCurrentThreadCpuTime() - cpuStart;
            allocatedBytes = THREADS.getCurrentThreadAllocatedBytes() - allocatedStart;
        }
    }
}
