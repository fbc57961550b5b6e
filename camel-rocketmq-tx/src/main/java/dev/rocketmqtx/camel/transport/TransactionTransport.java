package dev.rocketmqtx.camel.transport;

import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.check.TransactionScope;
import dev.rocketmqtx.camel.health.ReadinessProbe;
import org.apache.rocketmq.common.message.Message;

/**
 * The seam between the transactional contract (how an exchange becomes a message, how a local transaction's outcome
 * becomes a status, how checks are answered), which is the same on every protocol, and one RocketMQ protocol: the
 * classic remoting protocol through name servers, or the RocketMQ 5 gRPC protocol through proxy endpoints.
 * <p>
 * One transport serves one producer. Checks come the other way: the transport hands every check its client receives
 * to its {@link #scope() scope}, whose ledger and dispatchers answer it.
 */
public interface TransactionTransport {

    /**
     * Joins the JVM's client of this producer's scope, starting it for the scope's first producer.
     *
     * @return the producers of this JVM among which the broker picks one for each check, with their shared ledger
     * @throws IllegalArgumentException when the scope's client was made with settings this producer does not share
     */
    TransactionScope join() throws Exception;

    /**
     * Makes this producer known to the brokers, so that checks reach it even before it sends: an instance restarted
     * after a crash must answer its predecessor's checks. Call it once the producer's checks can be answered.
     *
     * @throws Exception when the protocol's client cannot start (the proxy refuses it, or does not know the topic)
     */
    void announce() throws Exception;

    /** Leaves the scope's client; the last producer of a scope shuts it down. */
    void leave();

    /**
     * Stores the half message, invisible to consumers, and returns once the broker has it.
     *
     * @throws Exception when the broker did not store it: no local transaction may run
     */
    HalfMessage sendHalf(Message message) throws Exception;

    /**
     * Ends a transaction with COMMIT or ROLLBACK. An end that does not reach the broker is made up for by the
     * broker's check, so a failure here loses nothing; it is reported to the caller for logging.
     */
    void end(HalfMessage half, TransactionStatus status) throws Exception;

    /** Says in one line why a half message was not stored, naming the options to check; never the secret key. */
    String describeSendFailure(Throwable failure);

    /** Where the half messages go, for messages: the name server or the proxy endpoints. */
    String address();

    /** Whether the broker (or proxy) is reachable now, for the producer's readiness check. */
    ReadinessProbe readiness();
}
