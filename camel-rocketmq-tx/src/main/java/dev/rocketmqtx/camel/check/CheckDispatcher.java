package dev.rocketmqtx.camel.check;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.rocketmqtx.camel.RocketMQTxConstants;
import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.producer.TransactionLedger;
import dev.rocketmqtx.camel.support.MessageMapper;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the checks of one endpoint's transactions. A broker check is answered in this order:
 * <ol>
 * <li>in flight here (its local transaction runs, its end is being sent, or another check is asking the user's
 * check): UNKNOWN, without asking the user's check (it would see uncommitted state);</li>
 * <li>decided here (COMMIT or ROLLBACK remembered, from its local transaction or an earlier check): that decision,
 * since only the one-way end was lost;</li>
 * <li>the transaction log, when configured: logged means COMMIT; not logged means UNKNOWN while the half message
 * is younger than localTransactionTimeout, and after that the user's check (when configured) or ROLLBACK; a log that
 * cannot be read means UNKNOWN;</li>
 * <li>the user's check processor or route: the status it sets, remembered when final; an exception or no status
 * means UNKNOWN;</li>
 * <li>neither configured: UNKNOWN, with a warning (once) that one should be.</li>
 * </ol>
 * The producer's own early check asks the user's check through {@link #askEarly} instead: the same check and the
 * same headers, counted apart from the broker's checks.
 */
public final class CheckDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CheckDispatcher.class);

    private final Endpoint endpoint;
    private final MessageMapper mapper;
    private final TransactionLedger ledger;
    private final Processor userCheck;
    private final IdempotentRepository transactionLog;
    private final long localTransactionTimeout;
    private final TransactionStatistics statistics;
    private final AtomicBoolean warnedNoCheck = new AtomicBoolean();

    /**
     * @param userCheck               the check processor or route, or null
     * @param transactionLog          the log of committed local transactions, or null
     * @param localTransactionTimeout how long a local transaction may run (ms): a transaction the log does not hold
     *                                is rolled back only once its half message is older
     */
    public CheckDispatcher(Endpoint endpoint, MessageMapper mapper, TransactionLedger ledger, Processor userCheck,
                           IdempotentRepository transactionLog, long localTransactionTimeout,
                           TransactionStatistics statistics) {
        this.endpoint = endpoint;
        this.mapper = mapper;
        this.ledger = ledger;
        this.userCheck = userCheck;
        this.transactionLog = transactionLog;
        this.localTransactionTimeout = localTransactionTimeout;
        this.statistics = statistics;
    }

    /** Answers a check the broker sent. */
    public TransactionStatus check(MessageExt message) {
        long start = System.nanoTime();
        TransactionStatus status = decide(message);
        statistics.checked(status, System.nanoTime() - start);
        return status;
    }

    private TransactionStatus decide(MessageExt message) {
        String transactionId = message.getTransactionId();
        if (ledger.isInFlight(transactionId)) {
            LOG.debug("Check of transaction {}: it is in flight here, answering UNKNOWN", transactionId);
            return TransactionStatus.UNKNOWN;
        }
        TransactionStatus known = rememberedDecision(transactionId);
        if (known != null) {
            return known;
        }
        if (userCheck == null && transactionLog == null) {
            if (warnedNoCheck.compareAndSet(false, true)) {
                LOG.warn("The broker checked transaction {} on {} and no checkProcessor or checkUri is configured: "
                         + "answering UNKNOWN. Configure a check that decides from durable state, or such transactions "
                         + "stay unresolved after a restart.", transactionId, endpoint);
            }
            return TransactionStatus.UNKNOWN;
        }
        if (!ledger.claim(transactionId)) {
            LOG.debug("Check of transaction {}: another thread is deciding it, answering UNKNOWN", transactionId);
            return TransactionStatus.UNKNOWN;
        }
        try {
            // Decided while this check waited for its claim: answer that, without a second query.
            TransactionStatus decided = rememberedDecision(transactionId);
            return decided != null ? decided : askAndRecord(message);
        } finally {
            ledger.release(transactionId);
        }
    }

    /** The remembered final decision, or null when this JVM has not decided the transaction (or forgot it). */
    private TransactionStatus rememberedDecision(String transactionId) {
        TransactionStatus remembered = ledger.recall(transactionId);
        return remembered != null && remembered.isFinal() ? remembered : null;
    }

    /**
     * The producer's early check: asks the user's check for a transaction the caller has claimed, and records a
     * final answer. Counted as an early check, not as a broker check.
     */
    public TransactionStatus askEarly(MessageExt message) {
        TransactionStatus status = askAndRecord(message);
        statistics.earlyChecked(status);
        return status;
    }

    private TransactionStatus askAndRecord(MessageExt message) {
        TransactionStatus answer = transactionLog != null ? askLogThenUser(message) : askUser(message);
        if (answer.isFinal()) {
            // A repeated check (the broker's next round, or a copy it checks) needs no second query.
            ledger.decided(message.getTransactionId(), answer);
        }
        return answer;
    }

    /**
     * The transaction log decides: logged means committed. A transaction it does not hold may still be running on
     * some instance of the group while its half message is younger than localTransactionTimeout; after that it can no
     * longer commit, and the user's check (for transactions the log cannot know, e.g. sent before it was introduced)
     * or ROLLBACK decides.
     */
    private TransactionStatus askLogThenUser(MessageExt message) {
        String transactionId = message.getTransactionId();
        try {
            if (transactionLog.contains(transactionId)) {
                return TransactionStatus.COMMIT;
            }
        } catch (RuntimeException e) {
            LOG.warn("Check of transaction {}: the transaction log failed, answering UNKNOWN (the broker checks again"
                     + " later): {}", transactionId, e.toString());
            return TransactionStatus.UNKNOWN;
        }
        long age = ageOf(message);
        if (age < localTransactionTimeout) {
            LOG.debug("Check of transaction {}: not logged, and its local transaction may still run ({} ms old):"
                      + " answering UNKNOWN", transactionId, age);
            return TransactionStatus.UNKNOWN;
        }
        if (userCheck != null) {
            return askUser(message);
        }
        LOG.info("Check of transaction {}: not logged and {} ms old, over localTransactionTimeout={} ms: its local"
                 + " transaction did not commit, answering ROLLBACK", transactionId, age, localTransactionTimeout);
        return TransactionStatus.ROLLBACK;
    }

    /** How long ago the half message was born, by this JVM's clock; a message without a born time counts as new. */
    private static long ageOf(MessageExt message) {
        return message.getBornTimestamp() > 0 ? System.currentTimeMillis() - message.getBornTimestamp() : 0;
    }

    private TransactionStatus askUser(MessageExt message) {
        String transactionId = message.getTransactionId();
        Exchange exchange = endpoint.createExchange();
        try {
            mapper.fillExchange(exchange, message);
            exchange.getIn().setHeader(RocketMQTxConstants.CHECK_TIMES, checkTimes(message));
            exchange.getIn().setHeader(RocketMQTxConstants.HALF_MESSAGE_AGE, ageOf(message));
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
}
