package com.salesaffairs.aftersales;

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
class ContractDocumentsTest {

    @Test
    void asyncapi_document_names_the_published_and_consumed_events() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("sales.aftersales.events"))
                .body(containsString("sales.feedback.logged.v1"))
                .body(containsString("schemas/sales.feedback.logged.v1.json"))
                .body(containsString("sales.customer.registered.v1"))
                .body(containsString("sales.case.assigned.v1")).body(containsString("schemas/sales.case.resolved.v1.json"))
                .body(containsString("sales.case.reopened.v1")).body(containsString("sales.case.closed.v1"))
                .body(containsString("schemas/sales.case.escalated.v1.json")).body(containsString("sales.order.events"))
                .body(containsString("schemas/sales.survey.completed.v1.json"));
    }

    @Test
    void openapi_describes_feedback_and_cases() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body(containsString("/api/v1/feedback"))
                .body(containsString("/api/v1/cases/{id}"))
                .body(containsString("feedback.customer-known"))
                .body(containsString("feedback.order-known")).body(containsString("feedback.order-customer"))
                .body(containsString("/api/v1/cases/{id}/assign")).body(containsString("/api/v1/cases/{id}/wait-for-customer"))
                .body(containsString("/api/v1/cases/{id}/history")).body(containsString("reopenCase"))
                .body(containsString("/api/v1/surveys/{token}/responses")).body(containsString("survey.too-soon"))
                .body(containsString("survey.answered")).body(containsString("/api/v1/survey-campaigns")).body(containsString("listSurveyCampaignRuns"))
                .body(containsString("/api/v1/surveys/{id}/link")).body(containsString("issueSurveyLink"))
                .body(containsString("/api/v1/aftersales/metrics")).body(containsString("improvement.link"))
                .body(containsString("/api/v1/improvement-actions/{id}/status"));
    }

    @Test
    void every_operation_declares_its_success_schema_its_problems_and_a_request_example() {
        assertEquals(List.of(), OpenApiContract.gaps(OpenApiContract.servedDocument()));
    }
}
