package dev.rocketmqtx.camel.benchmarks;

import java.util.Map;

import org.apache.camel.AsyncCallback;
import org.apache.camel.AsyncProducer;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultAsyncProducer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * The least a Camel producer of transactional messages can do, for contender (d): the body as the message, the raw
 * client's {@code sendMessageInTransaction}, the local-transaction route run on the same exchange from the client's
 * callback (the way rocketmq-tx runs it), commit unless the route failed. No header mapping, no result headers, no
 * bookkeeping, no statistics. What (d) costs over the raw client (b) is what Camel costs any producer reached from a
 * route (template, exchange, the two routes); what rocketmq-tx (c) costs over (d) is the component's own. Without
 * {@code localTransaction} it commits at once, as (b)'s listener does: contender (e), which splits Camel's share
 * into the call of the local-transaction route (d over e) and the rest (e over b).
 * <p>
 * Endpoint URI: {@code bench-raw-tx:topic?namesrvAddr=...&producerGroup=...&instanceName=...[&localTransaction=...]}.
 */
final class MinimalTransactionComponent extends DefaultComponent {

    static final String SCHEME = "bench-raw-tx";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return new MinimalEndpoint(uri, this, remaining,
                getAndRemoveParameter(parameters, "namesrvAddr", String.class),
                getAndRemoveParameter(parameters, "producerGroup", String.class),
                getAndRemoveParameter(parameters, "instanceName", String.class),
                getAndRemoveParameter(parameters, "localTransaction", String.class));
    }

    private static final class MinimalEndpoint extends DefaultEndpoint {

        private final String topic;
        private final String namesrvAddr;
        private final String group;
        private final String instanceName;
        private final String localTransaction;

        MinimalEndpoint(String uri, MinimalTransactionComponent component, String topic, String namesrvAddr,
                        String group, String instanceName, String localTransaction) {
            super(uri, component);
            this.topic = topic;
            this.namesrvAddr = namesrvAddr;
            this.group = group;
            this.instanceName = instanceName;
            this.localTransaction = localTransaction;
        }

        @Override
        public Producer createProducer() {
            return new MinimalProducer(this);
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("The benchmark's minimal component only sends");
        }
    }

    private static final class MinimalProducer extends DefaultAsyncProducer {

        private final MinimalEndpoint endpoint;
        private AsyncProducer localTransactionRoute;
        private TransactionMQProducer client;

        MinimalProducer(MinimalEndpoint endpoint) {
            super(endpoint);
            this.endpoint = endpoint;
        }

        @Override
        protected void doStart() throws Exception {
            if (endpoint.localTransaction != null) {
                localTransactionRoute = getEndpoint().getCamelContext().getEndpoint(endpoint.localTransaction)
                        .createAsyncProducer();
                ServiceHelper.startService(localTransactionRoute);
            }
            client = new TransactionMQProducer(endpoint.group);
            client.setNamesrvAddr(endpoint.namesrvAddr);
            client.setInstanceName(endpoint.instanceName);
            client.setTransactionListener(new TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(Message message, Object exchange) {
                    return runLocalTransaction((Exchange) exchange);
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt message) {
                    return LocalTransactionState.COMMIT_MESSAGE;
                }
            });
            client.start();
        }

        @Override
        protected void doStop() {
            if (client != null) {
                client.shutdown();
                client = null;
            }
            ServiceHelper.stopService(localTransactionRoute);
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            try {
                byte[] body = exchange.getMessage().getBody(byte[].class);
                TransactionSendResult result = client.sendMessageInTransaction(new Message(endpoint.topic, body),
                        exchange);
                if (result.getLocalTransactionState() != LocalTransactionState.COMMIT_MESSAGE
                    && exchange.getException() == null) {
                    exchange.setException(new IllegalStateException(
                            "Transaction ended " + result.getLocalTransactionState() + " (send "
                                                                    + result.getSendStatus() + ")"));
                }
            } catch (Exception e) {
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }

        /** In the sending thread, called back by the client: the route on the caller's exchange, as rocketmq-tx does. */
        private LocalTransactionState runLocalTransaction(Exchange exchange) {
            if (localTransactionRoute == null) {
                return LocalTransactionState.COMMIT_MESSAGE;
            }
            try {
                localTransactionRoute.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            return exchange.getException() == null ? LocalTransactionState.COMMIT_MESSAGE
                    : LocalTransactionState.ROLLBACK_MESSAGE;
        }
    }
}
