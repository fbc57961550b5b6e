package dev.rocketmqtx.camel.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.rocketmqtx.camel.TransactionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The memory that answers a check when a one-way END_TRANSACTION was lost: what it must still know when the check
 * comes. (A test cannot make the broker lose an end on purpose; the check paths around it are proven against the
 * broker elsewhere.)
 */
class RememberedOutcomesTest {

    @Test
    void aLaterDecisionOfTheSameTransactionReplacesTheEarlierOne() {
        RememberedOutcomes outcomes = new RememberedOutcomes(10);
        outcomes.remember("tx-1", TransactionStatus.UNKNOWN);
        outcomes.remember("tx-2", TransactionStatus.ROLLBACK);
        outcomes.remember("tx-1", TransactionStatus.COMMIT);

        assertThat(outcomes.recall("tx-1")).isEqualTo(TransactionStatus.COMMIT);
        assertThat(outcomes.recall("tx-2")).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(outcomes.recall("tx-3")).isNull();
    }

    @Test
    void theOldestAreForgottenFirstOnceTheBoundIsReached() {
        RememberedOutcomes outcomes = new RememberedOutcomes(3);
        for (int i = 1; i <= 5; i++) {
            outcomes.remember("tx-" + i, TransactionStatus.COMMIT);
        }

        assertThat(outcomes.size()).isEqualTo(3);
        assertThat(outcomes.recall("tx-1")).isNull();
        assertThat(outcomes.recall("tx-2")).isNull();
        assertThat(outcomes.recall("tx-3")).isEqualTo(TransactionStatus.COMMIT);
        assertThat(outcomes.recall("tx-5")).isEqualTo(TransactionStatus.COMMIT);
    }

    @Test
    void aBoundOfSeveralChunksKeepsExactlyTheNewestAfterWrappingAround() {
        // 2,500 slots: two full chunks of 1,024 and a short third; 6,000 outcomes wrap around more than twice.
        int bound = 2500;
        int written = 6000;
        RememberedOutcomes outcomes = new RememberedOutcomes(bound);
        for (int i = 0; i < written; i++) {
            outcomes.remember("tx-" + i, i % 2 == 0 ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
        }
        // A later decision of a transaction still remembered: it takes the oldest slot (tx-3500's) and wins.
        outcomes.remember("tx-5000", TransactionStatus.UNKNOWN);

        assertThat(outcomes.size()).isEqualTo(bound);
        for (int i = 0; i < written; i++) {
            TransactionStatus expected = i <= written - bound ? null
                    : i == 5000 ? TransactionStatus.UNKNOWN
                    : i % 2 == 0 ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK;
            assertThat(outcomes.recall("tx-" + i)).as("tx-%d", i).isEqualTo(expected);
        }
    }

    @Test
    void growingTheBoundKeepsWhatWasRememberedBefore() {
        RememberedOutcomes outcomes = new RememberedOutcomes(2);
        outcomes.remember("tx-1", TransactionStatus.COMMIT);
        outcomes.remember("tx-2", TransactionStatus.ROLLBACK);

        outcomes.ensureCapacity(4);
        outcomes.remember("tx-3", TransactionStatus.COMMIT);

        assertThat(outcomes.recall("tx-1")).isEqualTo(TransactionStatus.COMMIT);
        assertThat(outcomes.recall("tx-2")).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(outcomes.recall("tx-3")).isEqualTo(TransactionStatus.COMMIT);
    }

    @Test
    void growingTheBoundTwiceKeepsWhatWasRememberedBeforeEither() {
        RememberedOutcomes outcomes = new RememberedOutcomes(2);
        outcomes.remember("tx-1", TransactionStatus.COMMIT);

        outcomes.ensureCapacity(4);
        outcomes.remember("tx-2", TransactionStatus.COMMIT);
        outcomes.ensureCapacity(8);

        assertThat(outcomes.recall("tx-1")).isEqualTo(TransactionStatus.COMMIT);
        assertThat(outcomes.recall("tx-2")).isEqualTo(TransactionStatus.COMMIT);
        assertThat(outcomes.size()).isEqualTo(2);
    }

    @Test
    void aDecisionAfterGrowingWinsOverTheOneBefore() {
        RememberedOutcomes outcomes = new RememberedOutcomes(2);
        outcomes.remember("tx-1", TransactionStatus.UNKNOWN);

        outcomes.ensureCapacity(4);
        outcomes.remember("tx-1", TransactionStatus.ROLLBACK);

        assertThat(outcomes.recall("tx-1")).isEqualTo(TransactionStatus.ROLLBACK);
    }

    @Test
    void zeroRemembersNothing() {
        RememberedOutcomes outcomes = new RememberedOutcomes(0);
        outcomes.remember("tx-1", TransactionStatus.COMMIT);

        assertThat(outcomes.recall("tx-1")).isNull();
        assertThat(outcomes.size()).isZero();
    }

    @Test
    void everyOutcomeOfConcurrentSendersIsRecalledWithinTheBound() throws Exception {
        int senders = 8;
        int perSender = 2_000;
        RememberedOutcomes outcomes = new RememberedOutcomes(senders * perSender);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perSender; i++) {
                        outcomes.remember(sender + "-" + i, i % 2 == 0 ? TransactionStatus.COMMIT
                                : TransactionStatus.ROLLBACK);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(outcomes.size()).isEqualTo(senders * perSender);
        for (int s = 0; s < senders; s++) {
            for (int i = 0; i < perSender; i++) {
                assertThat(outcomes.recall(s + "-" + i)).as("outcome of %s-%s", s, i)
                        .isEqualTo(i % 2 == 0 ? TransactionStatus.COMMIT : TransactionStatus.ROLLBACK);
            }
        }
    }
}
