package dev.rocketmqtx.camel.dsl;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import dev.rocketmqtx.camel.dsl.RocketMQTxEndpointBuilderFactory.RocketMQTxEndpointBuilder;
import dev.rocketmqtx.camel.dsl.RocketMQTxEndpointBuilderFactory.RocketMQTxEndpointConsumerBuilder;
import dev.rocketmqtx.camel.dsl.RocketMQTxEndpointBuilderFactory.RocketMQTxEndpointProducerBuilder;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hand-written endpoint builder keeps up with the component: every endpoint option in the generated component
 * catalog has a builder method on the builder(s) where it applies, returning that builder for chaining, and the
 * builder has no method for an option that no longer exists. Add an option without a builder method and this fails.
 */
class EndpointBuilderCatalogTest {

    private static final String CATALOG = "META-INF/dev/rocketmqtx/camel/rocketmq-tx.json";

    @Test
    void everyCatalogOptionHasABuilderMethodWhereItApplies() throws Exception {
        Map<String, String> groups = endpointOptionGroups();
        assertThat(groups).isNotEmpty();

        Set<String> missing = new TreeSet<>();
        groups.forEach((option, group) -> {
            if (!group.startsWith("producer")) {
                requireMethod(RocketMQTxEndpointConsumerBuilder.class, option, missing);
            }
            if (!group.startsWith("consumer")) {
                requireMethod(RocketMQTxEndpointProducerBuilder.class, option, missing);
            }
            if (!group.startsWith("consumer") && !group.startsWith("producer")) {
                requireMethod(RocketMQTxEndpointBuilder.class, option, missing);
            }
        });

        assertThat(missing).as("catalog options without a builder method").isEmpty();
    }

    @Test
    void everyBuilderMethodIsACatalogOption() throws Exception {
        Set<String> options = endpointOptionGroups().keySet();
        Set<String> builderMethods = Arrays.stream(RocketMQTxEndpointBuilder.class.getMethods())
                .filter(Method::isDefault)
                .filter(m -> RocketMQTxEndpointBuilderFactory.class.equals(m.getDeclaringClass().getDeclaringClass()))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(options).containsAll(builderMethods);
    }

    /** The option must have a setter-like method on the builder that returns the same builder. */
    private static void requireMethod(Class<?> builder, String option, Set<String> missing) {
        boolean present = Arrays.stream(builder.getMethods())
                .anyMatch(m -> m.getName().equals(option) && m.getParameterCount() == 1
                               && m.getReturnType().equals(builder));
        if (!present) {
            missing.add(builder.getSimpleName() + "." + option);
        }
    }

    /** Endpoint options (not the path) by their catalog group, such as common, consumer or producer (advanced). */
    private static Map<String, String> endpointOptionGroups() throws Exception {
        try (InputStream in = EndpointBuilderCatalogTest.class.getClassLoader().getResourceAsStream(CATALOG)) {
            assertThat(in).as(CATALOG + " on the classpath").isNotNull();
            JsonObject catalog = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JsonObject properties = (JsonObject) catalog.get("properties");
            return properties.entrySet().stream()
                    .filter(e -> "parameter".equals(((JsonObject) e.getValue()).getString("kind")))
                    .collect(Collectors.toMap(Map.Entry::getKey,
                            e -> ((JsonObject) e.getValue()).getString("group")));
        }
    }
}
