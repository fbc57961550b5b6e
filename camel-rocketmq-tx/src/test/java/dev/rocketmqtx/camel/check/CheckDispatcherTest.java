package dev.rocketmqtx.camel.check;

import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.producer.TransactionLedger;
import dev.rocketmqtx.camel.support.MessageMapper;
import dev.rocketmqtx.camel.support.RocketMQTxHeaderFilterStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The order in which a check is answered, on messages as the client hands them to the listener. The paths that
 * need the broker (in-flight, user check) are proven end to end in the broker tests; the remembered outcome covers
 * a lost one-way END_TRANSACTION, which a test cannot make the broker lose on purpose.
 */
class CheckDispatcherTest {

    private final CamelContext context = new DefaultCamelContext();
    private final TransactionLedger ledger = new TransactionLedger(2);
    private final TransactionStatistics statistics = new TransactionStatistics();
    private final AtomicInteger userChecks = new AtomicInteger();
    private final Processor userCheck = e -> {
        userChecks.incrementAndGet();
        e.getMessage().setHeader(RocketMQTxConstants.STATUS, "ROLLBACK");
    };

    @AfterEach
    void stop() {
        context.stop();
    }

    private CheckDispatcher dispatcher(Processor check) {
        return dispatcher(check, null, 60000);
    }

    private CheckDispatcher dispatcher(Processor check, IdempotentRepository log, long localTransactionTimeout) {
        context.start();
        Endpoint endpoint = context.getEndpoint("direct:unused");
        RocketMQTxConfiguration configuration = new RocketMQTxConfiguration();
        configuration.setTopic("orders");
        MessageMapper mapper = new MessageMapper(configuration, new RocketMQTxHeaderFilterStrategy());
        return new CheckDispatcher(endpoint, mapper, ledger, check, log, localTransactionTimeout, statistics);
    }

    private static MessageExt message(String transactionId, long ageMillis) {
        MessageExt message = message(transactionId);
        message.setBornTimestamp(System.currentTimeMillis() - ageMillis);
        return message;
    }

    private static MessageExt message(String transactionId) {
        MessageExt message = new MessageExt();
        message.setTopic("orders");
        message.setBody("order".getBytes());
        message.setTransactionId(transactionId);
        return message;
    }

    @Test
    void rememberedCommitAnswersWithoutAskingTheUser() {
        ledger.decided("tx-1", TransactionStatus.COMMIT);

        assertThat(dispatcher(userCheck).check(message("tx-1"))).isEqualTo(TransactionStatus.COMMIT);
        assertThat(userChecks).hasValue(0);
    }

    @Test
    void rememberedUnknownStillAsksTheUser() {
        ledger.decided("tx-2", TransactionStatus.UNKNOWN);

        assertThat(dispatcher(userCheck).check(message("tx-2"))).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(userChecks).hasValue(1);
    }

    @Test
    void theUsersFinalAnswerIsRememberedForTheNextCheck() {
        CheckDispatcher dispatcher = dispatcher(userCheck);

        dispatcher.check(message("tx-5"));

        assertThat(dispatcher.check(message("tx-5"))).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(userChecks).hasValue(1);
        assertThat(ledger.recall("tx-5")).isEqualTo(TransactionStatus.ROLLBACK);
    }

    @Test
    void withoutACheckAnUnrememberedTransactionStaysUnknown() {
        assertThat(dispatcher(null).check(message("tx-3"))).isEqualTo(TransactionStatus.UNKNOWN);
    }

    @Test
    void rememberedOutcomesAreBounded() {
        ledger.decided("tx-a", TransactionStatus.COMMIT);
        ledger.decided("tx-b", TransactionStatus.COMMIT);
        ledger.decided("tx-c", TransactionStatus.ROLLBACK);

        assertThat(ledger.rememberedCount()).isEqualTo(2);
        assertThat(ledger.recall("tx-a")).isNull();
        assertThat(ledger.recall("tx-c")).isEqualTo(TransactionStatus.ROLLBACK);
    }

    @Test
    void inFlightTransactionAnswersUnknownWithoutAskingTheUser() {
        ledger.claim("tx-4");

        assertThat(dispatcher(userCheck).check(message("tx-4"))).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(userChecks).hasValue(0);
    }

    @Test
    void aBrokerCheckWhileAnotherCheckAsksTheUserAnswersUnknownWithoutASecondQuery() {
        AtomicInteger nested = new AtomicInteger();
        CheckDispatcher[] dispatcher = new CheckDispatcher[1];
        // The broker checks a copy of the half message while the user's check of the original still runs.
        dispatcher[0] = dispatcher(e -> {
            userChecks.incrementAndGet();
            nested.set(dispatcher[0].check(message("tx-6")).ordinal() + 1);
            e.getMessage().setHeader(RocketMQTxConstants.STATUS, "COMMIT");
        });

        assertThat(dispatcher[0].check(message("tx-6"))).isEqualTo(TransactionStatus.COMMIT);
        assertThat(nested).as("the overlapping check").hasValue(TransactionStatus.UNKNOWN.ordinal() + 1);
        assertThat(userChecks).hasValue(1);
        assertThat(ledger.isInFlight("tx-6")).isFalse();
    }

    @Test
    void aBrokerCheckThatDecidesCancelsThePendingEarlyCheck() {
        ledger.awaitEarlyCheck("tx-7");

        dispatcher(userCheck).check(message("tx-7"));

        assertThat(ledger.takeEarlyCheck("tx-7")).isFalse();
    }

    @Test
    void earlyChecksAreCountedApartFromTheBrokersChecks() {
        CheckDispatcher dispatcher = dispatcher(userCheck);

        dispatcher.askEarly(message("tx-8"));
        dispatcher.check(message("tx-9"));

        assertThat(statistics.getEarlyChecks()).isEqualTo(1);
        assertThat(statistics.getEarlyCheckRollback()).isEqualTo(1);
        assertThat(statistics.getChecks()).isEqualTo(1);
    }

    /** A log for the check's logic alone; what makes a real log safe is tested with JDBC repositories. */
    private static IdempotentRepository startedRepository() {
        IdempotentRepository repository = new MemoryIdempotentRepository();
        repository.start();
        return repository;
    }

    @Test
    void transactionLogThatCannotBeReadAnswersUnknownWithoutAskingTheUser() {
        IdempotentRepository broken = new MemoryIdempotentRepository() {
            @Override
            public boolean contains(String key) {
                throw new IllegalStateException("database unavailable");
            }
        };

        assertThat(dispatcher(userCheck, broken, 1000).check(message("tx-10", 5000)))
                .isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(userChecks).hasValue(0);
    }

    @Test
    void unloggedTransactionOlderThanTheTimeoutAsksTheUsersCheckWhenThereIsOne() {
        IdempotentRepository log = startedRepository();

        assertThat(dispatcher(userCheck, log, 1000).check(message("tx-11", 500))).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(userChecks).as("not while it may still run").hasValue(0);
        assertThat(dispatcher(userCheck, log, 1000).check(message("tx-11", 5000)))
                .isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(userChecks).hasValue(1);
    }

    @Test
    void loggedTransactionCommitsWithoutAskingTheUser() {
        IdempotentRepository log = startedRepository();
        log.add("tx-12");

        assertThat(dispatcher(userCheck, log, 1000).check(message("tx-12", 10))).isEqualTo(TransactionStatus.COMMIT);
        assertThat(userChecks).hasValue(0);
    }
}
