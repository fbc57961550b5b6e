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

    private final Producer producer;
    private final Method end;

    private NamespacedCheckEnd(Producer producer, Method end) {
        this.producer = producer;
        this.end = end;
    }

    /**
     * The way to end checks of this producer under a namespaced topic, looked up once, when the producer starts.
     *
     * @throws IllegalStateException when this version of the client has no such method: the route must not start,
     *                               or every check of the topic would be lost
     */
    static NamespacedCheckEnd of(Producer producer) {
        try {
            Method end = producer.getClass().getMethod("endTransaction", Endpoints.class, GeneralMessage.class,
                    MessageId.class, String.class, TransactionResolution.class, TransactionSource.class);
            end.setAccessible(true);
            return new NamespacedCheckEnd(producer, end);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalStateException("Option namespace on the gRPC protocol needs a rocketmq-client-java"
                                            + " whose producer can end a checked transaction under the namespaced"
                                            + " topic (5.2.0 can; this one cannot: " + e + "). Use that version,"
                                            + " or no namespace", e);
        }
    }

    void end(String endpoints, String namespacedTopic, MessageView check, TransactionResolution resolution)
            throws Exception {
        ByteBuffer body = check.getBody().duplicate();
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        org.apache.rocketmq.client.apis.message.Message named = GrpcClients.PROVIDER.newMessageBuilder()
                .setTopic(namespacedTopic).setBody(bytes).build();
        String transactionId = check.getProperties().getOrDefault(MessageConst.PROPERTY_TRANSACTION_ID,
                check.getMessageId().toString());
        try {
            end.invoke(producer, new Endpoints(endpoints), new GeneralMessageImpl(named), check.getMessageId(),
                    transactionId, resolution, TransactionSource.SOURCE_SERVER_CHECK);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
