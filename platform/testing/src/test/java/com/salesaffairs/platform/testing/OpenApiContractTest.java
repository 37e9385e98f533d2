package com.salesaffairs.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The contract check finds each way a document leaves a generated client guessing. */
class OpenApiContractTest {
    private static final String PROBLEM = "{\"application/problem+json\": {\"schema\": {\"$ref\": \"#/components/schemas/Problem\"}}}";
    private static final String VIEW = "{\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/View\"}}}";

    private static JsonNode document(String operations) throws Exception {
        return new ObjectMapper().readTree("""
                {"openapi": "3.1.0",
                 "components": {"schemas": {"Problem": {"type": "object"}, "View": {"type": "object"},
                   "Request": {"type": "object"}, "ExampleRequest": {"type": "object", "examples": [{"a": 1}]}}},
                 "paths": {"/things": {%s}}}""".formatted(operations));
    }

    private static String operation(String id, String responses, String extra) {
        return """
                {"operationId": "%s", "summary": "s", "security": [{"jwt": []}],
                 "responses": {%s, "401": {"content": %s}, "403": {"content": %s}} %s}"""
                .formatted(id, responses, PROBLEM, PROBLEM, extra);
    }

    @Test
    void a_fully_described_document_has_no_gaps() throws Exception {
        String body = ", \"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/ExampleRequest\"}}}}";
        JsonNode doc = document("\"get\": " + operation("listThings", "\"200\": {\"content\": " + VIEW + "}", "")
                + ", \"post\": " + operation("createThing", "\"201\": {\"content\": " + VIEW + "}, \"400\": {\"content\": "
                        + PROBLEM + "}", body)
                + ", \"delete\": " + operation("deleteThing", "\"204\": {}", ""));
        assertEquals(List.of(), OpenApiContract.gaps(doc));
    }

    @Test
    void each_missing_description_is_named() throws Exception {
        String bareBody = ", \"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"$ref\": \"#/components/schemas/Request\"}}}}";
        JsonNode doc = document("\"get\": " + operation("same", "\"200\": {\"description\": \"no schema\"}", "")
                + ", \"post\": " + operation("same", "\"201\": {\"content\": " + VIEW + "}, \"409\": {}", bareBody)
                + ", \"put\": {\"operationId\": \"putThing\", \"summary\": \"s\", \"security\": [{\"jwt\": []}],"
                + " \"responses\": {\"401\": {\"content\": " + PROBLEM + "}}}");
        assertEquals(List.of(
                "GET /things: success response 200 has no schema",
                "POST /things: operationId same is also GET /things",
                "POST /things: 409 is not described as a problem (application/problem+json)",
                "POST /things: takes a body but declares no 400",
                "POST /things: request body application/json has no example",
                "PUT /things: no success response",
                "PUT /things: needs a token but does not declare both 401 and 403"), OpenApiContract.gaps(doc));
    }
}
