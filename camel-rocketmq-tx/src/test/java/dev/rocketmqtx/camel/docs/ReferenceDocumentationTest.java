package dev.rocketmqtx.camel.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The option and header tables of docs/reference.md are rendered from the component JSON that the build generates
 * from the annotations. This test fails when the two drift apart; run it with -Dreference.update=true to rewrite
 * the tables after changing an option or header.
 */
class ReferenceDocumentationTest {

    private static final Path COMPONENT_JSON = Path.of("src/generated/resources/META-INF/dev/rocketmqtx/camel/rocketmq-tx.json");
    private static final Path REFERENCE = Path.of("../docs/reference.md");
    private static final String BEGIN = "<!-- BEGIN GENERATED FROM rocketmq-tx.json: do not edit by hand -->";
    private static final String END = "<!-- END GENERATED -->";

    @Test
    void referenceTablesMatchTheComponentMetadata() throws Exception {
        String expected = render((JsonObject) Jsoner.deserialize(Files.readString(COMPONENT_JSON)));
        String document = Files.readString(REFERENCE, StandardCharsets.UTF_8);
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        assertThat(begin).as("docs/reference.md has the generated-section markers").isNotNegative();
        assertThat(end).isGreaterThan(begin);
        String actual = document.substring(begin + BEGIN.length(), end);

        if (Boolean.getBoolean("reference.update")) {
            write(document.substring(0, begin + BEGIN.length()) + expected + document.substring(end));
            return;
        }
        assertThat(actual)
                .as("docs/reference.md is out of date: run mvn -pl camel-rocketmq-tx test -Dtest=ReferenceDocumentationTest -Dreference.update=true")
                .isEqualTo(expected);
    }

    private static void write(String document) throws IOException {
        Files.writeString(REFERENCE, document, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static String render(JsonObject json) {
        StringBuilder out = new StringBuilder("\n");
        JsonObject component = json.getMap("component");
        out.append("URI syntax: `").append(component.getString("syntax")).append("`\n\n");

        Map<String, Object> endpoint = json.getMap("properties");
        for (String group : List.of("common", "producer", "consumer", "security", "advanced")) {
            List<Map.Entry<String, Object>> rows = endpoint.entrySet().stream()
                    .filter(e -> groupOf((Map<String, Object>) e.getValue()).equals(group))
                    .collect(Collectors.toList());
            if (rows.isEmpty()) {
                continue;
            }
            out.append("### Endpoint options: ").append(group).append("\n\n");
            out.append("| Option | Type | Default | Description |\n|---|---|---|---|\n");
            for (Map.Entry<String, Object> row : rows) {
                Map<String, Object> option = (Map<String, Object>) row.getValue();
                String notes = ("path".equals(option.get("kind")) ? " (path)" : "")
                               + (Boolean.TRUE.equals(option.get("required")) ? " (required)" : "");
                out.append("| `").append(row.getKey()).append('`').append(notes)
                        .append(" | ").append(type(option))
                        .append(" | ").append(defaultOf(option))
                        .append(" | ").append(cell((String) option.get("description")))
                        .append(Boolean.TRUE.equals(option.get("secret")) ? " Secret: masked in logs." : "")
                        .append(" |\n");
            }
            out.append('\n');
        }

        out.append("### Headers\n\n| Header | Type | Direction | Description |\n|---|---|---|---|\n");
        Map<String, Object> headers = json.getMap("headers");
        for (Map.Entry<String, Object> row : headers.entrySet()) {
            Map<String, Object> header = (Map<String, Object>) row.getValue();
            String label = (String) header.getOrDefault("label", "");
            out.append("| `").append(row.getKey()).append("` | `").append(simpleName((String) header.get("javaType")))
                    .append("` | ").append(label.isEmpty() ? "both" : label)
                    .append(" | ").append(cell((String) header.get("description"))).append(" |\n");
        }
        return out.toString();
    }

    private static String groupOf(Map<String, Object> option) {
        String group = (String) option.get("group");
        if (group.endsWith("(advanced)")) {
            return "advanced";
        }
        return group;
    }

    private static String type(Map<String, Object> option) {
        Object values = option.get("enum");
        if (values instanceof List<?> list) {
            return list.stream().map(Object::toString).collect(Collectors.joining(", "));
        }
        return "`" + simpleName((String) option.get("javaType")) + "`";
    }

    private static String defaultOf(Map<String, Object> option) {
        Object value = option.get("defaultValue");
        return value == null || value.toString().isEmpty() ? "" : "`" + value + "`";
    }

    private static String simpleName(String javaType) {
        return javaType == null ? "" : javaType.substring(javaType.lastIndexOf('.') + 1);
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }
}
