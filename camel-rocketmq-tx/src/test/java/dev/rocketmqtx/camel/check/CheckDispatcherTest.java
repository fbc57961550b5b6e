package dev.rocketmqtx.camel.check;

import java.util.concurrent.atomic.AtomicInteger;

import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.producer.InFlightTransactions;
import dev.rocketmqtx.camel.producer.RememberedOutcomes;
import dev.rocketmqtx.camel.support.MessageMapper;
import dev.rocketmqtx.camel.support.RocketMQTxHeaderFilterStrategy;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.impl.DefaultCamelContext;
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
    private final InFlightTransactions inFlight = new InFlightTransactions();
    private final RememberedOutcomes remembered = new RememberedOutcomes(2);
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
        context.start();
        Endpoint endpoint = context.getEndpoint("direct:unused");
        RocketMQTxConfiguration configuration = new RocketMQTxConfiguration();
        configuration.setTopic("orders");
        MessageMapper mapper = new MessageMapper(configuration, new RocketMQTxHeaderFilterStrategy());
        return new CheckDispatcher(endpoint, mapper, inFlight, remembered, check, (status, nanos) -> { });
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
        remembered.remember("tx-1", TransactionStatus.COMMIT);

        assertThat(dispatcher(userCheck).check(message("tx-1"))).isEqualTo(TransactionStatus.COMMIT);
        assertThat(userChecks).hasValue(0);
    }

    @Test
    void rememberedUnknownStillAsksTheUser() {
        remembered.remember("tx-2", TransactionStatus.UNKNOWN);

        assertThat(dispatcher(userCheck).check(message("tx-2"))).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(userChecks).hasValue(1);
    }

    @Test
    void theUsersFinalAnswerIsRememberedForTheNextCheck() {
        CheckDispatcher dispatcher = dispatcher(userCheck);

        dispatcher.check(message("tx-5"));

        assertThat(dispatcher.check(message("tx-5"))).isEqualTo(TransactionStatus.ROLLBACK);
        assertThat(userChecks).hasValue(1);
        assertThat(remembered.recall("tx-5")).isEqualTo(TransactionStatus.ROLLBACK);
    }

    @Test
    void withoutACheckAnUnrememberedTransactionStaysUnknown() {
        assertThat(dispatcher(null).check(message("tx-3"))).isEqualTo(TransactionStatus.UNKNOWN);
    }

    @Test
    void rememberedOutcomesAreBounded() {
        remembered.remember("tx-a", TransactionStatus.COMMIT);
        remembered.remember("tx-b", TransactionStatus.COMMIT);
        remembered.remember("tx-c", TransactionStatus.ROLLBACK);

        assertThat(remembered.size()).isEqualTo(2);
        assertThat(remembered.recall("tx-a")).isNull();
        assertThat(remembered.recall("tx-c")).isEqualTo(TransactionStatus.ROLLBACK);
    }

    @Test
    void inFlightTransactionAnswersUnknownWithoutAskingTheUser() {
        inFlight.started("tx-4");

        assertThat(dispatcher(userCheck).check(message("tx-4"))).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(userChecks).hasValue(0);
    }
}
