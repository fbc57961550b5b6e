package dev.rocketmqtx.camel.transport.grpc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;

import apache.rocketmq.v2.TransactionSource;
import org.apache.rocketmq.client.apis.message.MessageId;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;
import org.apache.rocketmq.client.java.message.GeneralMessage;
import org.apache.rocketmq.client.java.message.GeneralMessageImpl;
import org.apache.rocketmq.client.java.route.Endpoints;
import org.apache.rocketmq.common.message.MessageConst;

/**
 * Ends a checked transaction of a namespaced topic ({@code ns%topic}) under the topic's full name.
 * <p>
 * Why: when a proxy relays a check, it splits {@code ns%topic} into a namespace and the bare name {@code topic}, and
 * the client ends the transaction under the name it was given, {@code topic}; the proxy (5.5.0) then looks for the
 * transaction under {@code topic}, finds nothing ("cannot found transaction data"), and the broker checks again until
 * it gives up and discards the half message. So for a namespaced topic the component answers the client UNKNOWN
 * (nothing is sent) and sends the end itself, naming the topic as the broker stores it.
 * <p>
 * The client's API has no way to end a transaction it did not begin: this calls the method its producer uses for
 * checks ({@code endTransaction} of its package-private producer class), found by reflection.
 */
final class NamespacedCheckEnd {

    private NamespacedCheckEnd() {
    }

    static void end(Producer producer, String endpoints, String namespacedTopic, MessageView check,
                    TransactionResolution resolution) throws Exception {
        ByteBuffer body = check.getBody().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        org.apache.rocketmq.client.apis.message.Message named = GrpcClients.PROVIDER.newMessageBuilder()
                .setTopic(namespacedTopic).setBody(bytes).build();
        String transactionId = check.getProperties().getOrDefault(MessageConst.PROPERTY_TRANSACTION_ID,
                check.getMessageId().toString());
        Method end = producer.getClass().getMethod("endTransaction", Endpoints.class, GeneralMessage.class,
                MessageId.class, String.class, TransactionResolution.class, TransactionSource.class);
        end.setAccessible(true);
        try {
            end.invoke(producer, new Endpoints(endpoints), new GeneralMessageImpl(named), check.getMessageId(),
                    transactionId, resolution, TransactionSource.SOURCE_SERVER_CHECK);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
