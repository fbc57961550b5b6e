package dev.rocketmqtx.camel.producer;

import org.apache.rocketmq.client.hook.SendMessageContext;
import org.apache.rocketmq.client.hook.SendMessageHook;
import org.apache.rocketmq.client.producer.SendResult;

/**
 * Keeps the broker's receipt of the half message the current thread sent last. Ending a transaction later needs the
 * half message's commit log offset, which the broker returns with the send but {@code sendMessageInTransaction}
 * leaves out of its result; the client hands the full result to send hooks, in the sending thread.
 */
final class HalfMessageReceipts implements SendMessageHook {

    private final ThreadLocal<SendResult> lastReceipt = new ThreadLocal<>();

    @Override
    public String hookName() {
        return "camel-rocketmq-tx-half-message-receipts";
    }

    @Override
    public void sendMessageBefore(SendMessageContext context) {
        lastReceipt.remove();
    }

    @Override
    public void sendMessageAfter(SendMessageContext context) {
        if (context.getSendResult() != null) {
            lastReceipt.set(context.getSendResult());
        }
    }

    /** The receipt of this thread's last half message, once; {@code null} when its send failed. */
    SendResult take() {
        SendResult receipt = lastReceipt.get();
        lastReceipt.remove();
        return receipt;
    }
}
