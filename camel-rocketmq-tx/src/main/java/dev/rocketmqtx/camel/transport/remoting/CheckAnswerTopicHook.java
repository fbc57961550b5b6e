package dev.rocketmqtx.camel.transport.remoting;

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
 * The client sends the answer in the thread that ran the check listener, right after it returned; the listener
 * {@linkplain #answering names} the checked message's topic for that thread.
 */
final class CheckAnswerTopicHook implements RPCHook {

    private final ThreadLocal<String> checkedTopic = new ThreadLocal<>();
    private final RPCHook signer;

    /** @param signer the hook that signs requests, run after the topic is put in */
    CheckAnswerTopicHook(RPCHook signer) {
        this.signer = signer;
    }

    /** The topic (as the broker knows it, with the namespace) of the check this thread is answering. */
    void answering(String topic) {
        checkedTopic.set(topic);
    }

    @Override
    public void doBeforeRequest(String remoteAddr, RemotingCommand request) {
        if (request.getCode() == RequestCode.END_TRANSACTION
            && request.readCustomHeader() instanceof EndTransactionRequestHeader header
            && TopicValidator.RMQ_SYS_TRANS_HALF_TOPIC.equals(header.getTopic())) {
            String topic = checkedTopic.get();
            checkedTopic.remove();
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
