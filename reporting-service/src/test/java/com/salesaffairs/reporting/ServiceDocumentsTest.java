package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

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
    void the_openapi_document_describes_both_reports_with_their_roles() {
        given().when().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/reports/sales-trend"))
                .body(containsString("/api/v1/reports/aftersales"))
                .body(containsString("sales-manager: their team's facts"));
    }

    @Test
    void every_operation_declares_its_success_schema_its_problems_and_a_request_example() {
        assertEquals(List.of(), OpenApiContract.gaps(OpenApiContract.servedDocument()));
    }
}
