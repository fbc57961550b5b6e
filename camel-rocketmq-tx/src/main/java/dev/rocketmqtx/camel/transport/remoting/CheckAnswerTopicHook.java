package dev.rocketmqtx.camel.transport.remoting;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RequestCode;
import org.apache.rocketmq.remoting.protocol.header.EndTransactionRequestHeader;

/**
 * Puts the checked message's topic into the producer's answers to transaction checks, before the request is signed.
 * <p>
 * A RocketMQ 5.5.0 broker names its internal half-message topic ({@code RMQ_SYS_TRANS_HALF_TOPIC}), not the message's
 * topic, in a check request, and the client copies it into its COMMIT or ROLLBACK answer. A broker with authorization
 * on then requires permission to publish to that internal topic, refuses the one-way answer without a trace on the
 * client, checks again until {@code transactionCheckMax} and discards the message. The broker uses the answer's topic
 * for nothing but that permission check, so naming the real topic makes checks work for a user allowed to publish to
 * it, and nothing else changes.
 * <p>
 * The answer is matched to its check by the message id the client puts into it, not by thread: the 5.x client may
 * run request hooks of a one-way request on its network thread, not on the thread that ran the check listener.
 */
final class CheckAnswerTopicHook implements RPCHook {

    /**
     * Bounds the topics of checks whose answer never went out (the client failed before sending it): far more than
     * the checks a client answers at once, so clearing it when full only costs such a check another round.
     */
    private static final int MAX_PENDING_ANSWERS = 10_000;

    private final Map<String, String> topicByAnsweredMessage = new ConcurrentHashMap<>();
    private final RPCHook signer;

    /** @param signer the hook that signs requests, run after the topic is put in */
    CheckAnswerTopicHook(RPCHook signer) {
        this.signer = signer;
    }

    /**
     * Notes the topic (as the broker knows it, with the namespace) of a check about to be answered.
     *
     * @param checked the message of the check, as the check listener got it
     */
    void answering(MessageExt checked, String topic) {
        if (topicByAnsweredMessage.size() >= MAX_PENDING_ANSWERS) {
            topicByAnsweredMessage.clear();
        }
        topicByAnsweredMessage.put(answerMessageId(checked), topic);
    }

    /** The id the client names in its answer: the message's unique key, else its broker-side id. */
    private static String answerMessageId(MessageExt checked) {
        String uniqueKey = checked.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        return uniqueKey != null ? uniqueKey : checked.getMsgId();
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        if (request.getCode() == RequestCode.END_TRANSACTION
            && request.readCustomHeader() instanceof EndTransactionRequestHeader header
            && Boolean.TRUE.equals(header.getFromTransactionCheck())
            && TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC.equals(header.getTopic())
            && header.getMsgId() != null) {
            String topic = topicByAnsweredMessage.remove(header.getMsgId());
            if (topic != null) {
                header.setTopic(topic);
            }
        }
        signer.doBeforeRequest(remoteAddr, request);
    }

    @Override
    public void doAfterResponse(String remoteAddr, RemotingCommand request, RemotingCommand response) {
        signer.doAfterResponse(remoteAddr, request, response);
    }
}
