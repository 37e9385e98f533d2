package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class PolicyResourceTest {

    @Test
    void seeded_version_one_of_both_reporting_policies_is_in_force() {
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/reporting.schedule")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("ACTIVE"))
                .body("content.weeklyReportDue", equalTo("MONDAY 10:00")).body("content.monthlyReportDueDay", equalTo(3))
                .body("content.timezone", equalTo("Asia/Shanghai"));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/policies/reporting.export")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("ACTIVE"))
                .body("content.approverRole", equalTo("data-steward")).body("content.maxValidityHours", equalTo(72))
                .body("content.sensitiveFields", hasItems("customerName", "netAmount", "costAmount", "ownerId"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItems("reporting.schedule", "reporting.export"));
    }

    @Test
    void a_schedule_draft_that_breaks_the_rules_is_400_naming_the_field() {
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"weeklyReportDue\":\"MONDAY 10:00\",\"monthlyReportDueDay\":31,\"timezone\":\"Asia/Shanghai\"},"
                        + "\"rationale\":\"end of month\"}")
                .when().post("/api/v1/policies/reporting.schedule/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.monthlyReportDueDay"));
    }

    @Test
    void an_export_change_needs_a_second_person_and_is_announced() {
        String draft = "{\"content\":{\"sensitiveFields\":[\"customerName\",\"netAmount\",\"costAmount\",\"ownerId\",\"customerId\"],"
                + "\"approverRole\":\"data-steward\",\"maxValidityHours\":48},\"rationale\":\"shorter links, customer ids are personal data\"}";
        int version = given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/reporting.export/drafts")
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("version");
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/policies/reporting.export/versions/" + version + "/approve")
                .then().statusCode(422).body("rule", equalTo("policy.four-eyes"));
        given().auth().oauth2(TestUsers.admin()).contentType(ContentType.JSON).body("{\"comment\":\"ok\"}")
                .when().post("/api/v1/policies/reporting.export/versions/" + version + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/policies/reporting.export")
                .then().statusCode(200).body("version", equalTo(version)).body("content.maxValidityHours", equalTo(48));
        EventProbe.await("sales.policy.events",
                r -> "sales.policy.changed.v1".equals(r.type()) && r.value().contains("reporting.export")
                        && r.value().contains("reporting-service"),
                Duration.ofSeconds(20));
    }
}
