package com.salesaffairs.performance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class PolicyResourceTest {
    private static final String BANDS = "\"gradeBands\":[{\"grade\":\"A\",\"min\":90},{\"grade\":\"B\",\"min\":75},"
            + "{\"grade\":\"C\",\"min\":60},{\"grade\":\"D\",\"min\":0}]";

    private static String kpiDraft(String weights, String bands) {
        return "{\"content\":{\"weights\":" + weights + "," + bands + "},\"rationale\":\"rebalance towards win rate\"}";
    }

    @Test
    void version_one_of_each_performance_policy_is_in_force() {
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies")
                .then().statusCode(200)
                .body("key", hasItems("performance.kpi", "performance.commission", "performance.rewards"));
        // performance.kpi: version 2 (issue 14's adopted weights, V6) replaced version 1, which stays in the history
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/performance.kpi")
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.weights.revenueAttainment", equalTo(0.4f)).body("content.weights.growthRate", equalTo(0.15f))
                .body("content.weights.customerSatisfaction", equalTo(0.2f))
                .body("content.weights.reportTimeliness", equalTo(0.1f)).body("content.weights.winRate", equalTo(0.15f))
                .body("content.gradeBands[0].grade", equalTo("A")).body("content.gradeBands[2].min", equalTo(60))
                .body("content.gradeBands[3].min", equalTo(0));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/performance.kpi/versions/1")
                .then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("effectiveFrom", equalTo("2026-01-01T00:00:00Z")).body("content.weights.salesAmount", equalTo(0.4f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/performance.commission/versions/1")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("RETIRED"))
                .body("content.tiers[0].upTo", equalTo(100000)).body("content.tiers[2].upTo", nullValue())
                .body("content.tiers[2].rate", equalTo(0.05f)).body("content.clawbackOnRefund", equalTo(true));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/performance.rewards/versions/1")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("RETIRED"))
                .body("content.salaryAdjustmentMinGrade", equalTo("A"))
                .body("content.trainingRecommendedMaxGrade", equalTo("C"));
    }

    @Test
    void a_kpi_draft_whose_weights_do_not_add_up_to_one_is_400_and_nothing_is_drafted() {
        int before = given().auth().oauth2(TestUsers.paul()).when().get("/api/v1/policies/performance.kpi")
                .then().statusCode(200).extract().path("version");
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body(kpiDraft("{\"revenueAttainment\":0.5,\"growthRate\":0.2,\"customerSatisfaction\":0.2,"
                        + "\"reportTimeliness\":0.1,\"winRate\":0.1}", BANDS))
                .when().post("/api/v1/policies/performance.kpi/drafts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("content.weights"))
                .body("violations.message", hasItem(containsString("1.10")));
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body(kpiDraft("{\"revenueAttainment\":0.4,\"growthRate\":0.2,\"customerSatisfaction\":0.2,"
                        + "\"reportTimeliness\":0.1,\"winRate\":0.1}", BANDS.replace("\"min\":75", "\"min\":95")))
                .when().post("/api/v1/policies/performance.kpi/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.gradeBands[1].min"));
        given().auth().oauth2(TestUsers.paul()).when().get("/api/v1/policies/performance.kpi/versions/" + (before + 1))
                .then().statusCode(404);
    }

    @Test
    void a_valid_kpi_draft_is_accepted_from_a_policy_admin_only() {
        String draft = kpiDraft("{\"revenueAttainment\":0.3,\"growthRate\":0.2,\"customerSatisfaction\":0.2,"
                + "\"reportTimeliness\":0.1,\"winRate\":0.2}", BANDS);
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/performance.kpi/drafts").then().statusCode(403);
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/performance.kpi/drafts")
                .then().statusCode(201).body("status", equalTo("DRAFT")).body("content.weights.winRate", equalTo(0.2f));
    }

    @Test
    void the_asyncapi_document_describes_the_kpi_event() {
        given().when().get("/asyncapi.yaml")
                .then().statusCode(200)
                .body(containsString("sales.kpi.updated.v1"))
                .body(containsString("sales.order.events.dlq"));
    }
}
