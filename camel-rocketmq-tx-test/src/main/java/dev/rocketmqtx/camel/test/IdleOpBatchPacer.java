package dev.rocketmqtx.camel.test;

import java.lang.reflect.Field;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.broker.transaction.TransactionalMessageService;
import org.apache.rocketmq.broker.transaction.queue.TransactionalMessageServiceImpl;
import org.apache.rocketmq.common.ServiceThread;

/**
 * Replaces the broker's transaction op-batch thread with one that waits between batches.
 * <p>
 * In RocketMQ 5.5.0 that thread spins at 100% of a core as soon as transactional traffic goes idle: its batch
 * method returns a wake-up time computed from the oldest queue's last write, which is in the past once the queues
 * are idle, and the thread then waits for zero milliseconds, forever (upstream issue 10966). On a test machine with
 * two cores that halves the CPU every test has. The replacement calls the same batch method, and waits one op batch
 * interval whenever the wake-up time it gets is already past.
 */
final class IdleOpBatchPacer extends ServiceThread {

    private final TransactionalMessageServiceImpl service;
    private final long interval;

    private IdleOpBatchPacer(TransactionalMessageServiceImpl service, long interval) {
        this.service = service;
        this.interval = interval;
    }

    /** Swaps the pacer in for the broker's own op-batch thread; leaves a broker of another implementation alone. */
    static void install(BrokerController broker) {
        TransactionalMessageService transactions = broker.getTransactionalMessageService();
        if (!(transactions instanceof TransactionalMessageServiceImpl impl)) {
            return;
        }
        try {
            Field field = TransactionalMessageServiceImpl.class.getDeclaredField("transactionalOpBatchService");
            field.setAccessible(true);
            ServiceThread original = (ServiceThread) field.get(impl);
            IdleOpBatchPacer pacer = new IdleOpBatchPacer(impl, broker.getBrokerConfig().getTransactionOpBatchInterval());
            pacer.setDaemon(true);
            pacer.start();
            field.set(impl, pacer);
            original.shutdown();
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Only costs CPU: the broker still works with its own thread.
        }
    }

    @Override
    public String getServiceName() {
        return "IdleOpBatchPacer";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            long wakeup = service.batchSendOpMessage();
            long wait = wakeup - System.currentTimeMillis();
            waitForRunning(wait > 0 ? Math.min(wait, interval) : interval);
        }
    }
}
