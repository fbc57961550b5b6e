package dev.rocketmqtx.camel.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;

/** The component's options as its jar describes them (the JSON Camel's tooling generates and catalogs read). */
final class ComponentOptions {

    static final String COMPONENT_JSON = "META-INF/dev/rocketmqtx/camel/rocketmq-tx.json";

    private ComponentOptions() {
    }

    /** Option name to its description (javaType, defaultValue, ...), in the order of the JSON. */
    static Map<String, Object> componentProperties() {
        return json(COMPONENT_JSON).getMap("componentProperties");
    }

    static JsonObject json(String resource) {
        try (InputStream in = ComponentOptions.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    /** namesrvAddr -> namesrv-addr, the relaxed name Spring Boot documents and IDEs complete. */
    static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
