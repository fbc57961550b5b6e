package dev.rocketmqtx.camel.check;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.producer.InFlightTransactions;
import dev.rocketmqtx.camel.producer.RememberedOutcomes;
import dev.rocketmqtx.camel.support.MessageMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the broker's check of a transaction it has not heard the end of. In order:
 * <ol>
 * <li>still running here: UNKNOWN, without asking the user's check (it would see uncommitted state);</li>
 * <li>this JVM decided it (COMMIT or ROLLBACK remembered, from its local transaction or an earlier check): that
 * decision, since only the one-way end was lost;</li>
 * <li>the user's check processor or route: the status it sets, remembered when final; an exception or no status
 * means UNKNOWN;</li>
 * <li>no check configured: UNKNOWN, with a warning (once) that one should be.</li>
 * </ol>
 */
public final class CheckDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CheckDispatcher.class);

    private final Endpoint endpoint;
    private final MessageMapper mapper;
    private final InFlightTransactions inFlight;
    private final RememberedOutcomes remembered;
    private final Processor userCheck;
    private final CheckListener listener;
    private final AtomicBoolean warnedNoCheck = new AtomicBoolean();

    public CheckDispatcher(Endpoint endpoint, MessageMapper mapper, InFlightTransactions inFlight,
                           RememberedOutcomes remembered, Processor userCheck, CheckListener listener) {
        this.endpoint = endpoint;
        this.mapper = mapper;
        this.inFlight = inFlight;
        this.remembered = remembered;
        this.userCheck = userCheck;
        this.listener = listener;
    }

    public TransactionStatus check(MessageExt message) {
        long start = System.nanoTime();
        TransactionStatus status = decide(message);
        listener.checked(status, System.nanoTime() - start);
        return status;
    }

    private TransactionStatus decide(MessageExt message) {
        String transactionId = message.getTransactionId();
        if (inFlight.isRunning(transactionId)) {
            LOG.debug("Check of transaction {}: its local transaction is still running here, answering UNKNOWN",
                    transactionId);
            return TransactionStatus.UNKNOWN;
        }
        TransactionStatus decided = remembered.recall(transactionId);
        if (decided != null && decided.isFinal()) {
            return decided;
        }
        if (userCheck != null) {
            TransactionStatus answer = askUser(message, transactionId);
            if (answer.isFinal()) {
                // A repeated check (the producer's early check, or the broker's next round) needs no second query.
                remembered.remember(transactionId, answer);
            }
            return answer;
        }
        if (warnedNoCheck.compareAndSet(false, true)) {
            LOG.warn("The broker checked transaction {} on {} and no checkProcessor or checkUri is configured: "
                     + "answering UNKNOWN. Configure a check that decides from durable state, or such transactions "
                     + "stay unresolved after a restart.", transactionId, endpoint);
        }
        return TransactionStatus.UNKNOWN;
    }

    private TransactionStatus askUser(MessageExt message, String transactionId) {
        Exchange exchange = endpoint.createExchange();
        try {
            mapper.fillExchange(exchange, message);
            exchange.getIn().setHeader(RocketMQTxConstants.CHECK_TIMES, checkTimes(message));
            userCheck.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            LOG.warn("Check of transaction {} failed, answering UNKNOWN (the broker checks again later): {}",
                    transactionId, exchange.getException().toString());
            return TransactionStatus.UNKNOWN;
        }
        TransactionStatus status;
        try {
            status = TransactionStatus.parse(exchange.getMessage().getHeader(RocketMQTxConstants.STATUS));
        } catch (IllegalArgumentException e) {
            LOG.warn("Check of transaction {} answered an invalid status, answering UNKNOWN: {}", transactionId,
                    e.getMessage());
            return TransactionStatus.UNKNOWN;
        }
        if (status == null) {
            LOG.warn("Check of transaction {} set no {} header, answering UNKNOWN", transactionId,
                    RocketMQTxConstants.STATUS);
            return TransactionStatus.UNKNOWN;
        }
        return status;
    }

    private static int checkTimes(MessageExt message) {
        String times = message.getProperty(MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES);
        try {
            return times == null ? 0 : Integer.parseInt(times);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Told of every check answered, for metrics. */
    @FunctionalInterface
    public interface CheckListener {
        void checked(TransactionStatus answer, long nanos);
    }
}
