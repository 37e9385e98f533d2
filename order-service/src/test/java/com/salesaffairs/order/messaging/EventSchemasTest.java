package com.salesaffairs.order.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventSchemasTest {

    /**
     * A fractional multipleOf (0.01 for cents) is evaluated in binary floating point by common
     * validators (Ajv, Python's jsonschema), which then refuse amounts such as 1.13 or 1234.10.
     */
    @Test
    void money_in_the_published_schemas_is_not_constrained_by_a_fractional_multiple() throws IOException {
        List<String> offending = new ArrayList<>();
        List<Path> schemas;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/schemas"))) {
            schemas = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertFalse(schemas.isEmpty());
        ObjectMapper json = new ObjectMapper();
        for (Path schema : schemas) {
            collect(json.readTree(schema.toFile()), schema.getFileName() + "", offending);
        }
        assertTrue(offending.isEmpty(), "fractional multipleOf in " + offending);
    }

    private static void collect(JsonNode node, String at, List<String> offending) {
        if (node.isObject()) {
            JsonNode multiple = node.get("multipleOf");
            if (multiple != null && multiple.isNumber() && multiple.decimalValue().stripTrailingZeros().scale() > 0) {
                offending.add(at);
            }
            node.fields().forEachRemaining(e -> collect(e.getValue(), at + "/" + e.getKey(), offending));
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, at, offending));
        }
    }
}
