package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.OpenApiContract;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ServiceDocumentsTest {

    @Test
    void the_asyncapi_document_names_the_consumed_topics_and_their_dead_letter_topics() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("address: sales.order.events"))
                .body(containsString("address: sales.order.events.dlq"))
                .body(containsString("address: sales.aftersales.events"))
                .body(containsString("name: sales.order.settled.v1"))
                .body(containsString("name: sales.order.refunded.v1"))
                .body(containsString("name: sales.feedback.logged.v1"));
    }

    @Test
    void the_asyncapi_document_names_the_published_report_submissions_and_their_schema_is_served() throws Exception {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("address: sales.reporting.events"))
                .body(containsString("name: sales.report.submitted.v1"))
                .body(containsString("schemas/sales.report.submitted.v1.json"));
        JsonNode schema = new ObjectMapper().readTree(given().when().get("/schemas/sales.report.submitted.v1.json")
                .then().statusCode(200).extract().asString());
        assertEquals("urn:salesaffairs:event:sales.report.submitted.v1", schema.path("$id").asText());
        assertEquals("sales.report.submitted.v1", schema.path("title").asText());
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
        List<String> required = new java.util.ArrayList<>();
        schema.path("required").forEach(f -> required.add(f.asText()));
        // What performance-service's on-time report KPI reads.
        assertTrue(required.containsAll(List.of("reportId", "repId", "team", "period", "dueAt", "submittedAt", "onTime")),
                required.toString());
    }

    @Test
    void the_openapi_document_describes_both_reports_with_their_roles() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/reports/sales-trend"))
                .body(containsString("/api/v1/reports/aftersales"))
                .body(containsString("sales-manager: their team's facts"))
                .body(containsString("/api/v1/sales-reports/{id}/submit"))
                .body(containsString("/api/v1/sales-reports/missing"))
                .body(containsString("draftSalesReport"));
    }

    @Test
    void every_operation_declares_its_success_schema_its_problems_and_a_request_example() {
        assertEquals(List.of(), OpenApiContract.gaps(OpenApiContract.servedDocument()));
    }
}
