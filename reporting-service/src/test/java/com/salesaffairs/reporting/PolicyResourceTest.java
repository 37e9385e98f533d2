package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;
import com.salesaffairs.reporting.domain.ReportKind;
import com.salesaffairs.reporting.domain.ReportPeriod;
import com.salesaffairs.reporting.domain.ReportSchedule;
import com.salesaffairs.reporting.domain.ReportScheduleTest;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class PolicyResourceTest {

    @Test
    void the_adopted_schedule_is_version_two_and_version_one_stays_in_the_history_retired() throws Exception {
        String active = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/reporting.schedule")
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.weekly.dueDay", equalTo("MON")).body("content.weekly.dueTime", equalTo("10:00"))
                .body("content.monthly.dueBusinessDay", equalTo(3)).body("content.monthly.dueTime", equalTo("18:00"))
                .body("content.calendar.timeZone", equalTo("Asia/Shanghai"))
                .body("content.calendar.makeUpWorkingDays", hasItem("2026-10-10"))
                .extract().asString();
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/reporting.schedule/versions/1")
                .then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("content.weeklyReportDue", equalTo("MONDAY 10:00"));
        // The seeded calendar itself: National Day 1-7 October, then Thursday, Friday and the make-up Saturday.
        ReportSchedule seeded = ReportSchedule.from(2, new ObjectMapper().readTree(active).path("content"));
        assertEquals(Instant.parse("2026-10-10T10:00:00Z"), seeded.dueAt(ReportPeriod.parse(ReportKind.MONTHLY, "2026-09")));
        assertEquals(Instant.parse("2026-11-30T02:00:00Z"), seeded.dueAt(ReportPeriod.parse(ReportKind.WEEKLY, "2026-W48")));
    }

    @Test
    void version_two_of_the_export_policy_is_in_force_and_version_one_retired() {
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/policies/reporting.export/versions/2")
                .then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("content.approverRole", equalTo("data-steward"))
                .body("content.sensitiveApproverRole", equalTo("sales-director"))
                .body("content.link.expiresAfterHours", equalTo(72)).body("content.link.maxDownloads", equalTo(3))
                .body("content.sensitiveFields", hasItems("contactName", "contactPhone", "contactEmail", "registrationId"))
                .body("content.unmaskedRoles", hasItems("sales-rep", "sales-manager"));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/policies/reporting.export/versions/1")
                .then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("content.sensitiveFields", hasItems("customerName", "netAmount", "costAmount", "ownerId"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItems("reporting.schedule", "reporting.export"));
    }

    @Test
    void an_export_draft_is_validated_against_the_json_schema_naming_each_field() {
        // Version 1's shape: the new required sections are named, the removed one is unknown.
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"sensitiveFields\":[\"customerName\"],\"approverRole\":\"data-steward\",\"maxValidityHours\":72},"
                        + "\"rationale\":\"back to v1\"}")
                .when().post("/api/v1/policies/reporting.export/drafts")
                .then().statusCode(400).body("violations.field", hasItems("content.maskedFields", "content.unmaskedRoles",
                        "content.sensitiveApproverRole", "content.link", "content.maxValidityHours"));
        // Unbounded links, an unknown field, a rep as approver, one department approving twice.
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + ADOPTED_EXPORT.replace("\"maxDownloads\":3", "\"maxDownloads\":0")
                        .replace("\"contactEmail\"]", "\"contactEmail\",\"shoeSize\"]")
                        .replace("\"approverRole\":\"data-steward\"", "\"approverRole\":\"sales-rep\"")
                        + ",\"rationale\":\"looser\"}")
                .when().post("/api/v1/policies/reporting.export/drafts")
                .then().statusCode(400).body("violations.field", hasItems("content.link.maxDownloads",
                        "content.sensitiveFields[7]", "content.approverRole"));
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + ADOPTED_EXPORT.replace("\"sensitiveApproverRole\":\"sales-director\"",
                        "\"sensitiveApproverRole\":\"data-steward\"") + ",\"rationale\":\"one department\"}")
                .when().post("/api/v1/policies/reporting.export/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.sensitiveApproverRole"));
    }

    /** reporting.export v2 as V5 seeds it. */
    static final String ADOPTED_EXPORT = "{\"sensitiveFields\":[\"customerName\",\"registrationId\",\"email\",\"phone\","
            + "\"contactName\",\"contactPhone\",\"contactEmail\"],\"maskedFields\":[\"registrationId\",\"email\",\"phone\","
            + "\"contactName\",\"contactPhone\",\"contactEmail\"],\"unmaskedRoles\":[\"sales-rep\",\"sales-manager\"],"
            + "\"approverRole\":\"data-steward\",\"sensitiveApproverRole\":\"sales-director\","
            + "\"link\":{\"expiresAfterHours\":72,\"maxDownloads\":3}}";

    @Test
    void a_schedule_draft_that_breaks_the_rules_is_400_naming_the_field() {
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + ReportScheduleTest.ADOPTED.replace("\"dueBusinessDay\":3", "\"dueBusinessDay\":31")
                        + ",\"rationale\":\"end of month\"}")
                .when().post("/api/v1/policies/reporting.schedule/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.monthly.dueBusinessDay"));
        // Version 1's shape is no longer a schedule: each missing section is named.
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"weeklyReportDue\":\"MONDAY 10:00\",\"monthlyReportDueDay\":3,\"timezone\":\"Asia/Shanghai\"},"
                        + "\"rationale\":\"back to v1\"}")
                .when().post("/api/v1/policies/reporting.schedule/drafts")
                .then().statusCode(400).body("violations.field", hasItems("content.weekly", "content.monthly", "content.calendar"));
    }

    @Test
    void an_export_change_needs_a_second_person_and_is_announced() {
        // The adopted rules again (a review), so that the exports of other tests keep the rules they expect.
        String draft = "{\"content\":" + ADOPTED_EXPORT + ",\"rationale\":\"yearly review, rules unchanged\"}";
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
                .then().statusCode(200).body("version", equalTo(version)).body("content.link.maxDownloads", equalTo(3));
        EventProbe.await("sales.policy.events",
                r -> "sales.policy.changed.v1".equals(r.type()) && r.value().contains("reporting.export")
                        && r.value().contains("reporting-service"),
                Duration.ofSeconds(20));
    }
}
