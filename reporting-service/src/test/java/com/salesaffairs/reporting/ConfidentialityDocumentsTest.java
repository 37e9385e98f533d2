package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.OpenApiContract;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** sales.export.approved.v1 is documented with its schema, and the CSV download's media type is in the OpenAPI document. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ConfidentialityDocumentsTest {

    @Test
    void the_export_approval_event_is_in_the_asyncapi_document_and_its_schema_is_served() throws Exception {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("name: sales.export.approved.v1"))
                .body(containsString("schemas/sales.export.approved.v1.json"));
        JsonNode schema = new ObjectMapper().readTree(given().when().get("/schemas/sales.export.approved.v1.json")
                .then().statusCode(200).extract().asString());
        assertEquals("urn:salesaffairs:event:sales.export.approved.v1", schema.path("$id").asText());
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(f -> required.add(f.asText()));
        assertTrue(required.containsAll(List.of("exportId", "dataset", "fields", "purpose", "recipient", "approvals",
                "contentSha256", "linkExpiresAt", "maxDownloads")), required.toString());
        assertFalse(schema.path("properties").has("token"), "the link token never travels in an event");
    }

    @Test
    void the_openapi_document_declares_the_csv_download_and_the_audit() {
        JsonNode doc = OpenApiContract.servedDocument();
        JsonNode download = doc.path("paths").path("/api/v1/data-exports/{id}/download").path("get");
        assertEquals("downloadDataExport", download.path("operationId").asText());
        assertEquals("string", download.path("responses").path("200").path("content").path("text/csv").path("schema")
                .path("type").asText());
        assertTrue(download.path("responses").has("410"));
        assertTrue(doc.path("paths").has("/api/v1/audit/data-access"));
        assertTrue(doc.path("paths").has("/api/v1/reports/customers"));
        assertTrue(doc.path("paths").path("/api/v1/data-exports/{id}/decision").has("post"));
        assertEquals(List.of(), OpenApiContract.gaps(doc));
    }
}
