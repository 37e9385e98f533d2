package com.salesaffairs.platform.testing;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a client generator needs from a service's OpenAPI document, checked on the document the
 * service serves: every operation has a stable operationId, a summary, a success response with a
 * schema (or 204), problem schemas on its error responses, an example for its request body, and the
 * 400, 401 and 403 answers that apply to it.
 */
public final class OpenApiContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    private OpenApiContract() {
    }

    /** The document this service serves at {@code /q/openapi}. */
    public static JsonNode servedDocument() {
        String json = given().accept("application/json").when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("the OpenAPI document is not JSON: " + e.getMessage(), e);
        }
    }

    /** Every way the document falls short of describing its operations; empty when it describes them all. */
    public static List<String> gaps(JsonNode document) {
        List<String> gaps = new ArrayList<>();
        if (document.at(PROBLEM_REF.substring(1)).isMissingNode()) {
            gaps.add("components: no Problem schema");
        }
        Map<String, String> operationIds = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> entry = operations.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isBlank()) {
                    gaps.add(name + ": no operationId");
                } else {
                    String first = operationIds.putIfAbsent(id, name);
                    if (first != null) {
                        gaps.add(name + ": operationId " + id + " is also " + first);
                    }
                }
                if (operation.path("summary").asText("").isBlank()) {
                    gaps.add(name + ": no summary");
                }
                responseGaps(name, operation, gaps);
                if (operation.has("requestBody")) {
                    requestBodyGaps(document, name, operation.path("requestBody"), gaps);
                }
            }
        }
        return gaps;
    }

    private static void responseGaps(String name, JsonNode operation, List<String> gaps) {
        JsonNode responses = operation.path("responses");
        boolean success = false;
        Iterator<Map.Entry<String, JsonNode>> codes = responses.fields();
        while (codes.hasNext()) {
            Map.Entry<String, JsonNode> response = codes.next();
            String code = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (code.startsWith("2")) {
                success = true;
                if (!code.equals("204") && !hasSchema(content)) {
                    gaps.add(name + ": success response " + code + " has no schema");
                }
            } else if (code.startsWith("4") || code.startsWith("5")) {
                if (!PROBLEM_REF.equals(content.path(PROBLEM_MEDIA_TYPE).path("schema").path("$ref").asText())) {
                    gaps.add(name + ": " + code + " is not described as a problem (" + PROBLEM_MEDIA_TYPE + ")");
                }
            }
        }
        if (!success) {
            gaps.add(name + ": no success response");
        }
        if (operation.has("requestBody") && !responses.has("400")) {
            gaps.add(name + ": takes a body but declares no 400");
        }
        if (operation.path("security").size() > 0 && !(responses.has("401") && responses.has("403"))) {
            gaps.add(name + ": needs a token but does not declare both 401 and 403");
        }
    }

    private static void requestBodyGaps(JsonNode document, String name, JsonNode body, List<String> gaps) {
        Iterator<Map.Entry<String, JsonNode>> mediaTypes = body.path("content").fields();
        if (!mediaTypes.hasNext()) {
            gaps.add(name + ": request body without content");
        }
        while (mediaTypes.hasNext()) {
            Map.Entry<String, JsonNode> mediaType = mediaTypes.next();
            JsonNode schema = resolve(document, mediaType.getValue().path("schema"));
            boolean example = mediaType.getValue().has("example") || mediaType.getValue().has("examples")
                    || schema.has("example") || schema.has("examples");
            if (!example) {
                gaps.add(name + ": request body " + mediaType.getKey() + " has no example");
            }
        }
    }

    private static boolean hasSchema(JsonNode content) {
        Iterator<JsonNode> mediaTypes = content.elements();
        if (!mediaTypes.hasNext()) {
            return false;
        }
        while (mediaTypes.hasNext()) {
            JsonNode schema = mediaTypes.next().path("schema");
            if (schema.isMissingNode() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            return document.at(ref.substring(1));
        }
        return schema;
    }
}
