package com.salesaffairs.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemMappersTest {
    record Line(int quantity) {
    }

    record Body(String name, java.util.List<Line> lines) {
    }

    private static Problem problemFor(String json) {
        try {
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json, Body.class);
            throw new AssertionError("expected a parse failure");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return ProblemMappers.badJson(e, "/x");
        }
    }

    @Test
    void a_wrong_type_deep_in_the_body_names_its_path() {
        Problem p = problemFor("{\"name\":\"a\",\"lines\":[{\"quantity\":1},{\"quantity\":\"two\"}]}");
        assertEquals(400, p.status());
        assertEquals("lines[1].quantity", p.violations().get(0).field());
    }

    @Test
    void an_unknown_field_is_named() {
        assertEquals("status", problemFor("{\"name\":\"a\",\"status\":\"PAID\"}").violations().get(0).field());
    }

    @Test
    void malformed_json_names_the_body() {
        assertEquals("body", problemFor("{\"name\":").violations().get(0).field());
    }

    @Test
    void field_paths_skip_indexes_that_are_not_there() {
        JsonMappingException e = JsonMappingException.from((com.fasterxml.jackson.core.JsonParser) null, "x");
        e.prependPath(new JsonMappingException.Reference(null, "quantity"));
        e.prependPath(new JsonMappingException.Reference(null, 3));
        e.prependPath(new JsonMappingException.Reference(null, "lines"));
        assertEquals("lines[3].quantity", ProblemMappers.fieldPath(e.getPath()));
    }
}
