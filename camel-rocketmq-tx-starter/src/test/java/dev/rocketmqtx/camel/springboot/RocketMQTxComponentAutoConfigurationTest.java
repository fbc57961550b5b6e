package dev.rocketmqtx.camel.springboot;

import dev.rocketmqtx.camel.RocketMQTxComponent;
import dev.rocketmqtx.camel.RocketMQTxConfiguration;
import dev.rocketmqtx.camel.RocketMQTxEndpoint;
import dev.rocketmqtx.camel.TransactionStatus;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.rocketmq.remoting.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** What an application gets from the camel.component.rocketmq-tx.* properties (no broker is needed for this). */
class RocketMQTxComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, RocketMQTxComponentConverter.class,
                    RocketMQTxComponentAutoConfiguration.class));

    @Test
    void propertiesBecomeTheComponentOptionsEveryEndpointStartsFrom() {
        runner.withPropertyValues(
                "camel.component.rocketmq-tx.namesrv-addr=ns1:9876;ns2:9876",
                "camel.component.rocketmq-tx.namespace=MQ_INST_1",
                "camel.component.rocketmq-tx.producer-group=order-tx",
                "camel.component.rocketmq-tx.exception-status=UNKNOWN",
                "camel.component.rocketmq-tx.message-model=BROADCASTING",
                "camel.component.rocketmq-tx.max-message-size=1024",
                "camel.component.rocketmq-tx.use-tls=true",
                "camel.component.rocketmq-tx.access-key=ak",
                "camel.component.rocketmq-tx.secret-key=sk")
                .run(context -> {
                    RocketMQTxConfiguration options = component(context.getBean(CamelContext.class)).getConfiguration();

                    assertThat(options.getNamesrvAddr()).isEqualTo("ns1:9876;ns2:9876");
                    assertThat(options.getNamespace()).isEqualTo("MQ_INST_1");
                    assertThat(options.getProducerGroup()).isEqualTo("order-tx");
                    assertThat(options.getExceptionStatus()).isEqualTo(TransactionStatus.UNKNOWN);
                    assertThat(options.getMessageModel()).isEqualTo(MessageModel.BROADCASTING);
                    assertThat(options.getMaxMessageSize()).isEqualTo(1024);
                    assertThat(options.isUseTls()).isTrue();
                    assertThat(options.getAccessKey()).isEqualTo("ak");
                    assertThat(options.getSecretKey()).isEqualTo("sk");
                });
    }

    @Test
    void aBeanReferenceSetsAnObjectOption() {
        Processor orderChecker = exchange -> exchange.getMessage().setHeader("CamelRocketMQTxStatus", "COMMIT");
        runner.withBean("orderChecker", Processor.class, () -> orderChecker)
                .withPropertyValues("camel.component.rocketmq-tx.check-processor=#bean:orderChecker")
                .run(context -> assertThat(component(context.getBean(CamelContext.class)).getConfiguration()
                        .getCheckProcessor()).isSameAs(orderChecker));
    }

    @Test
    void anEndpointsCheckRouteReplacesTheCheckProcessorSetByAProperty() {
        Processor orderChecker = exchange -> exchange.getMessage().setHeader("CamelRocketMQTxStatus", "COMMIT");
        runner.withBean("orderChecker", Processor.class, () -> orderChecker)
                .withPropertyValues("camel.component.rocketmq-tx.check-processor=#bean:orderChecker")
                .run(context -> {
                    RocketMQTxConfiguration endpoint = context.getBean(CamelContext.class)
                            .getEndpoint("rocketmq-tx:orders?namesrvAddr=ns1:9876&producerGroup=order-tx"
                                         + "&localTransaction=direct:save&checkUri=direct:check",
                                    RocketMQTxEndpoint.class)
                            .getConfiguration();

                    assertThat(endpoint.getCheckUri()).isEqualTo("direct:check");
                    assertThat(endpoint.getCheckProcessor()).isNull();
                });
    }

    @Test
    void disabledLeavesTheComponentAtItsDefaults() {
        runner.withPropertyValues(
                "camel.component.rocketmq-tx.enabled=false",
                "camel.component.rocketmq-tx.namesrv-addr=ns1:9876")
                .run(context -> assertThat(component(context.getBean(CamelContext.class)).getConfiguration()
                        .getNamesrvAddr()).isNull());
    }

    @Test
    void endpointsPropertySelectsTheGrpcProtocolForEveryEndpoint() {
        runner.withPropertyValues(
                "camel.component.rocketmq-tx.endpoints=10.0.0.5:8081;10.0.0.6:8081",
                "camel.component.rocketmq-tx.local-transaction-timeout=30000")
                .run(context -> {
                    RocketMQTxConfiguration options = component(context.getBean(CamelContext.class)).getConfiguration();

                    assertThat(options.getEndpoints()).isEqualTo("10.0.0.5:8081;10.0.0.6:8081");
                    assertThat(options.isGrpc()).isTrue();
                    assertThat(options.getNamesrvAddr()).isNull();
                    assertThat(options.getLocalTransactionTimeout()).isEqualTo(30000);
                });
    }

    @Test
    void beanReferencesSetTheTransactionLogAndTheIdempotentRepository() {
        IdempotentRepository log = MemoryIdempotentRepository.memoryIdempotentRepository();
        IdempotentRepository consumed = MemoryIdempotentRepository.memoryIdempotentRepository();
        runner.withBean("orderLog", IdempotentRepository.class, () -> log)
                .withBean("consumedOrders", IdempotentRepository.class, () -> consumed)
                .withPropertyValues("camel.component.rocketmq-tx.transaction-log=#bean:orderLog",
                        "camel.component.rocketmq-tx.idempotent-repository=#consumedOrders")
                .run(context -> {
                    RocketMQTxConfiguration options = component(context.getBean(CamelContext.class)).getConfiguration();

                    assertThat(options.getTransactionLog()).isSameAs(log);
                    assertThat(options.getIdempotentRepository()).isSameAs(consumed);
                });
    }

    @Test
    void springBootFindsTheAutoConfigurationOnTheClasspath() {
        assertThat(ImportCandidates.load(AutoConfiguration.class, getClass().getClassLoader()).getCandidates())
                .contains(RocketMQTxComponentAutoConfiguration.class.getName(),
                        RocketMQTxComponentConverter.class.getName());
    }

    private static RocketMQTxComponent component(CamelContext camel) {
        return camel.getComponent("rocketmq-tx", RocketMQTxComponent.class);
    }
}
