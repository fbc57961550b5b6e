package dev.rocketmqtx.camel.testcontainers.launcher;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

import org.apache.rocketmq.common.ServiceThread;

/**
 * Takes the place of the broker's transaction op-batch thread with one that waits between batches.
 * <p>
 * In RocketMQ 5.x that thread spins at 100% of a core once transactional traffic goes idle: its batch method returns
 * a wake-up time computed from the oldest queue's last write, which is in the past once the queues are idle, and the
 * thread then waits zero milliseconds, forever. In a container next to the tests on a small machine that takes a core
 * from them. The replacement calls the same batch method and waits one op-batch interval whenever the wake-up time it
 * gets is already past. Versions without that thread (or with other names) keep their own: the pacer only saves CPU.
 */
final class OpBatchPacer extends ServiceThread {

    private final Object service;
    private final Method batchSendOpMessage;
    private final long intervalMillis;

    private OpBatchPacer(Object service, Method batchSendOpMessage, long intervalMillis) {
        this.service = service;
        this.batchSendOpMessage = batchSendOpMessage;
        this.intervalMillis = intervalMillis;
    }

    static void install(Object brokerController) {
        try {
            Object service = brokerController.getClass().getMethod("getTransactionalMessageService").invoke(brokerController);
            Field field = service.getClass().getDeclaredField("transactionalOpBatchService");
            if (field.getType() != ServiceThread.class) {
                return;
            }
            Method batch = service.getClass().getMethod("batchSendOpMessage");
            Object brokerConfig = brokerController.getClass().getMethod("getBrokerConfig").invoke(brokerController);
            long interval = ((Number) brokerConfig.getClass().getMethod("getTransactionOpBatchInterval")
                .invoke(brokerConfig)).longValue();
            field.setAccessible(true);
            ServiceThread original = (ServiceThread) field.get(service);
            OpBatchPacer pacer = new OpBatchPacer(service, batch, interval);
            pacer.setDaemon(true);
            pacer.start();
            field.set(service, pacer);
            original.shutdown();
            System.out.println("Transaction op-batch thread paced every " + interval + " ms when idle");
        } catch (ReflectiveOperationException | RuntimeException e) {
            System.out.println("Transaction op-batch thread left as it is: " + e);
        }
    }

    @Override
    public String getServiceName() {
        return "OpBatchPacer";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            long wait = intervalMillis;
            try {
                long wakeup = (Long) batchSendOpMessage.invoke(service);
                long untilWakeup = wakeup - System.currentTimeMillis();
                if (untilWakeup > 0) {
                    wait = Math.min(untilWakeup, intervalMillis);
                }
            } catch (ReflectiveOperationException e) {
                // The batch method logs its own failures; a failing call is retried after one interval.
            }
            // Never zero: waitForRunning(0) returns at once, which is the spin this class exists to stop.
            waitForRunning(Math.max(1, wait));
        }
    }
}
