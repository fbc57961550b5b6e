package dev.rocketmqtx.camel.springboot;

import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter is written by hand (Camel's generator runs only for Camel's own components), so these tests keep it in
 * step with the component: they read the component JSON from the component jar and fail when an option is added,
 * renamed, retyped or given another default without the starter following.
 */
class RocketMQTxComponentConfigurationTest {

    private static final String PREFIX = "camel.component.rocketmq-tx.";

    @Test
    void everyComponentOptionIsAPropertyOfTheSameType() {
        List<String> problems = new ArrayList<>();
        ComponentOptions.componentProperties().forEach((option, value) -> {
            JsonObject spec = (JsonObject) value;
            PropertyDescriptor property
                    = BeanUtils.getPropertyDescriptor(RocketMQTxComponentConfiguration.class, option);
            if (property == null || property.getReadMethod() == null || property.getWriteMethod() == null) {
                problems.add(option + ": missing from RocketMQTxComponentConfiguration");
                return;
            }
            Class<?> expected = ClassUtils.resolvePrimitiveIfNecessary(type(spec.getString("javaType")));
            if (!property.getPropertyType().equals(expected)) {
                problems.add(option + ": type " + property.getPropertyType().getName() + ", component has "
                             + expected.getName());
            }
        });
        assertThat(problems).as("options of the component JSON not mirrored by the starter").isEmpty();
    }

    @Test
    void everyPropertyDefaultsToTheComponentDefault() {
        RocketMQTxComponentConfiguration defaults = new RocketMQTxComponentConfiguration();
        List<String> problems = new ArrayList<>();
        ComponentOptions.componentProperties().forEach((option, value) -> {
            Object componentDefault = ((JsonObject) value).get("defaultValue");
            PropertyDescriptor property
                    = BeanUtils.getPropertyDescriptor(RocketMQTxComponentConfiguration.class, option);
            if (property == null) {
                return; // reported by everyComponentOptionIsAPropertyOfTheSameType
            }
            Object starterDefault = invoke(property, defaults);
            if (!Objects.equals(text(componentDefault), text(starterDefault))) {
                problems.add(option + ": starter default " + starterDefault + ", component default " + componentDefault);
            }
        });
        assertThat(problems).isEmpty();
    }

    @Test
    void ideMetadataDescribesEveryOptionAndTheEnabledFlag() {
        JsonArray properties = ComponentOptions.json("META-INF/spring-configuration-metadata.json")
                .getCollection("properties");
        List<String> names = properties.stream().map(p -> ((JsonObject) p).getString("name")).toList();

        assertThat(names).contains(PREFIX + "enabled");
        for (String option : ComponentOptions.componentProperties().keySet()) {
            assertThat(names).as("IDE metadata").contains(PREFIX + ComponentOptions.kebab(option));
        }
        JsonObject namesrvAddr = properties.stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals(PREFIX + "namesrv-addr")).findFirst().orElseThrow();
        assertThat(namesrvAddr.getString("description")).contains("Name server address");
        assertThat(namesrvAddr.get("defaultValue")).as("no default: namesrvAddr or endpoints is chosen").isNull();
        JsonObject endpoints = properties.stream().map(JsonObject.class::cast)
                .filter(p -> p.getString("name").equals(PREFIX + "endpoints")).findFirst().orElseThrow();
        assertThat(endpoints.getString("description")).contains("RocketMQ 5 proxy endpoint");
    }

    private static Class<?> type(String javaType) {
        try {
            return ClassUtils.forName(javaType, RocketMQTxComponentConfigurationTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("Component JSON names an unknown type " + javaType, e);
        }
    }

    private static Object invoke(PropertyDescriptor property, Object target) {
        try {
            return property.getReadMethod().invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
