package dev.rocketmqtx.camel.check;

import java.util.List;

import dev.rocketmqtx.camel.CapturedWarnings;
import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.TransactionStatistics;
import dev.rocketmqtx.camel.TransactionStatus;
import dev.rocketmqtx.camel.support.MessageMapper;
import dev.rocketmqtx.camel.support.RocketMQTxHeaderFilterStrategy;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a scope answers the checks that reach its client: by the dispatcher of the message's topic, from the ledger
 * alone when no endpoint of the topic runs here, and never by throwing into the client.
 */
class TransactionScopeTest {

    private final TransactionScope scope = new TransactionScope("producer group pg at name server ns:9876", 16);
    private final CapturedWarnings captured = CapturedWarnings.of(TransactionScope.class);
    private final List<String> warnings = captured.messages();

    @AfterEach
    void stopCapturing() {
        captured.close();
    }

    private static MessageExt message(String topic, String transactionId) {
        MessageExt message = new MessageExt();
        message.setTopic(topic);
        message.setBody("order".getBytes());
        message.setTransactionId(transactionId);
        return message;
    }

    @Test
    void aCheckThatFailsUnexpectedlyAnswersUnknownAndLogsTheTransactionId() {
        // An endpoint that cannot even create the check's exchange: not the user's check failing, the machinery.
        Endpoint broken = new DefaultCamelContext().getEndpoint("direct:broken");
        Endpoint failing = (Endpoint) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { Endpoint.class }, (proxy, method, args) -> {
                    if (method.getName().equals("createExchange")) {
                        throw new IllegalStateException("no exchange today");
                    }
                    return method.invoke(broken, args);
                });
        RocketMQTxConfiguration configuration = new RocketMQTxConfiguration();
        configuration.setTopic("orders");
        CheckDispatcher dispatcher = new CheckDispatcher(failing,
                new MessageMapper(configuration, new RocketMQTxHeaderFilterStrategy()), scope.ledger(),
                Exchange::getMessage, null, 60000, new TransactionStatistics());
        scope.register("orders", "direct:check", dispatcher, "rocketmq-tx:orders");

        assertThat(scope.check(message("orders", "tx-broken"))).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("tx-broken").contains("UNKNOWN"));
    }

    @Test
    void aCheckOfATopicNoEndpointHereSendsToIsAnsweredFromTheLedgerAlone() {
        scope.ledger().decided("tx-known", TransactionStatus.COMMIT);

        assertThat(scope.check(message("payments", "tx-known"))).isEqualTo(TransactionStatus.COMMIT);
        assertThat(scope.check(message("payments", "tx-unknown"))).isEqualTo(TransactionStatus.UNKNOWN);
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("tx-unknown").contains("payments"));
    }
}
