package com.salesaffairs.aftersales;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class PolicyResourceTest {

    @Test
    void seeded_sla_and_survey_policies_are_in_force() {
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.sla")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("ACTIVE"))
                .body("content.responseHours.CRITICAL", equalTo(2)).body("content.resolutionHours.LOW", equalTo(240))
                .body("content.escalationChain", equalTo(java.util.List.of("sales-manager", "sales-director")));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.survey")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("ACTIVE"))
                .body("content.sendAfterResolutionHours", equalTo(24)).body("content.periodicSurveyMonths", equalTo(6))
                .body("content.scale.min", equalTo(1)).body("content.scale.max", equalTo(5));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItems("aftersales.sla", "aftersales.survey"));
    }

    @Test
    void an_sla_draft_that_breaks_the_rules_is_refused_naming_the_fields() {
        String draft = "{\"content\":{\"responseHours\":{\"LOW\":48,\"MEDIUM\":24,\"HIGH\":0},"
                + "\"resolutionHours\":{\"LOW\":24,\"MEDIUM\":120,\"HIGH\":48,\"CRITICAL\":24},"
                + "\"escalationChain\":[\"sales-manager\"]},\"rationale\":\"faster answers\"}";
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/aftersales.sla/drafts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("content.responseHours.HIGH", "content.responseHours.CRITICAL",
                        "content.resolutionHours.LOW"));
    }

    @Test
    void a_valid_sla_draft_is_accepted_as_a_draft() {
        String draft = "{\"content\":{\"responseHours\":{\"LOW\":24,\"MEDIUM\":12,\"HIGH\":4,\"CRITICAL\":1},"
                + "\"resolutionHours\":{\"LOW\":240,\"MEDIUM\":120,\"HIGH\":48,\"CRITICAL\":24},"
                + "\"escalationChain\":[\"sales-manager\",\"sales-director\"]},\"rationale\":\"faster answers\"}";
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/aftersales.sla/drafts")
                .then().statusCode(201).body("status", equalTo("DRAFT"));
        // Not approved, so version 1 stays in force for the cases other tests open.
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.sla")
                .then().statusCode(200).body("version", equalTo(1));
        given().auth().oauth2(TestUsers.paul()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItem("aftersales.sla"));
    }
}
