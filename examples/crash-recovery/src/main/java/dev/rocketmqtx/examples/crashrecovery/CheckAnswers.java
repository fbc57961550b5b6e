package dev.rocketmqtx.examples.crashrecovery;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.rocketmqtx.camel.RocketMQTxEndpoint;

/**
 * Observation only, for the demo's timeline: prints each answer the producer gave to a broker check, read from the
 * endpoint's counters (the CheckCommitCount, CheckRollbackCount and CheckUnknownCount that JMX shows). Recovery does
 * not need it; no code of the application takes part in the check.
 */
final class CheckAnswers {

    private final RocketMQTxEndpoint producer;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "check-answers");
        thread.setDaemon(true);
        return thread;
    });
    private long commits;
    private long rollbacks;
    private long unknowns;

    private CheckAnswers(RocketMQTxEndpoint producer) {
        this.producer = producer;
    }

    static void print(RocketMQTxEndpoint producer) {
        CheckAnswers answers = new CheckAnswers(producer);
        answers.poller.scheduleWithFixedDelay(answers::report, 100, 100, TimeUnit.MILLISECONDS);
    }

    private void report() {
        commits = report(producer.getCheckCommitCount(), commits, "COMMIT (logged)");
        rollbacks = report(producer.getCheckRollbackCount(), rollbacks, "ROLLBACK (not logged, too old to commit)");
        unknowns = report(producer.getCheckUnknownCount(), unknowns, "UNKNOWN (not logged yet)");
    }

    private static long report(long now, long before, String answer) {
        for (long i = before; i < now; i++) {
            OrderServiceRoutes.say("broker check answered from the transaction log -> " + answer);
        }
        return now;
    }
}
