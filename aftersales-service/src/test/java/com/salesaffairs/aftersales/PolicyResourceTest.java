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
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.calendar.timeZone", equalTo("Asia/Shanghai"))
                .body("content.calendar.hours.start", equalTo("09:00")).body("content.calendar.hours.end", equalTo("18:00"))
                .body("content.calendar.holidays", hasItem("2026-10-01"))
                .body("content.calendar.makeUpWorkingDays", hasItem("2026-10-10"))
                .body("content.firstResponseHours.CRITICAL", equalTo(1)).body("content.resolutionHours.MEDIUM", equalTo(27))
                .body("content.warnAtPercent", equalTo(80))
                .body("content.escalationChain", equalTo(java.util.List.of("aftersales-agent", "team-manager", "sales-director")));
        // Version 1 stays in the history, retired.
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.sla/versions/1")
                .then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("content.responseHours.CRITICAL", equalTo(2));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.survey")
                .then().statusCode(200).body("version", equalTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.linkValidDays", equalTo(14)).body("content.afterResolution", equalTo(true))
                .body("content.campaign.everyMonths", equalTo(3)).body("content.campaign.settledWithinDays", equalTo(90))
                .body("content.minDaysBetweenSurveysPerCustomer", equalTo(30));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.survey/versions/1")
                .then().statusCode(200).body("status", equalTo("RETIRED"))
                .body("content.sendAfterResolutionHours", equalTo(24));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItems("aftersales.sla", "aftersales.survey"));
    }

    private static final String V2 = "{\"calendar\":{\"timeZone\":\"Asia/Shanghai\",\"workingDays\":[\"MON\",\"TUE\",\"WED\",\"THU\",\"FRI\"],"
            + "\"hours\":{\"start\":\"09:00\",\"end\":\"18:00\"},\"holidays\":[\"2026-10-01\"],\"makeUpWorkingDays\":[\"2026-10-10\"]},"
            + "\"firstResponseHours\":{\"CRITICAL\":1,\"HIGH\":4,\"MEDIUM\":8,\"LOW\":24},"
            + "\"resolutionHours\":{\"CRITICAL\":8,\"HIGH\":24,\"MEDIUM\":27,\"LOW\":45},"
            + "\"warnAtPercent\":80,\"escalationChain\":[\"aftersales-agent\",\"team-manager\",\"sales-director\"]}";

    @Test
    void an_sla_draft_that_breaks_the_rules_is_refused_naming_the_fields() {
        String content = V2.replace("\"HIGH\":4,", "\"HIGH\":0,").replace("\"Asia/Shanghai\"", "\"Nowhere/Else\"")
                .replace("\"end\":\"18:00\"", "\"end\":\"8 pm\"").replace("\"warnAtPercent\":80", "\"warnAtPercent\":120")
                .replace("\"2026-10-01\"", "\"2026-02-30\"").replace("\"sales-director\"", "\"sales-manager\"");
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + content + ",\"rationale\":\"faster answers\"}")
                .when().post("/api/v1/policies/aftersales.sla/drafts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("content.firstResponseHours.HIGH", "content.calendar.timeZone",
                        "content.calendar.hours.end", "content.warnAtPercent", "content.calendar.holidays[0]",
                        "content.escalationChain[2]"));
    }

    @Test
    void sla_hours_that_are_zero_negative_of_three_decimals_or_text_are_refused_naming_the_fields() {
        String content = V2.replace("\"firstResponseHours\":{\"CRITICAL\":1,", "\"firstResponseHours\":{\"CRITICAL\":0,")
                .replace("\"HIGH\":4,", "\"HIGH\":-0.5,").replace("\"MEDIUM\":8,", "\"MEDIUM\":0.125,")
                .replace("\"LOW\":24}", "\"LOW\":\"0.5\"}").replace("\"MEDIUM\":27,", "\"MEDIUM\":0.00,");
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + content + ",\"rationale\":\"sub-hour limits gone wrong\"}")
                .when().post("/api/v1/policies/aftersales.sla/drafts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("content.firstResponseHours.CRITICAL", "content.firstResponseHours.HIGH",
                        "content.firstResponseHours.MEDIUM", "content.firstResponseHours.LOW",
                        "content.resolutionHours.MEDIUM"));
    }

    @Test
    void a_valid_sla_draft_is_accepted_as_a_draft() {
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + V2.replace("\"CRITICAL\":1,", "\"CRITICAL\":2,") + ",\"rationale\":\"slower critical answers\"}")
                .when().post("/api/v1/policies/aftersales.sla/drafts")
                .then().statusCode(201).body("status", equalTo("DRAFT"));
        // Not approved, so version 2 stays in force for the cases other tests open.
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.sla")
                .then().statusCode(200).body("version", equalTo(2));
        given().auth().oauth2(TestUsers.paul()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItem("aftersales.sla"));
    }

    private static final String SURVEY = "{\"linkValidDays\":14,\"afterResolution\":true,"
            + "\"campaign\":{\"everyMonths\":3,\"settledWithinDays\":90},\"minDaysBetweenSurveysPerCustomer\":30}";

    @Test
    void a_survey_draft_that_breaks_the_rules_is_refused_naming_the_fields() {
        String content = SURVEY.replace("\"linkValidDays\":14", "\"linkValidDays\":0")
                .replace("\"afterResolution\":true", "\"afterResolution\":\"yes\"")
                .replace("\"everyMonths\":3", "\"everyMonths\":1.5")
                .replace("\"minDaysBetweenSurveysPerCustomer\":30", "\"minDaysBetweenSurveysPerCustomer\":-1,\"scale\":5");
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + content + ",\"rationale\":\"broken\"}")
                .when().post("/api/v1/policies/aftersales.survey/drafts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("content.linkValidDays", "content.afterResolution",
                        "content.campaign.everyMonths", "content.minDaysBetweenSurveysPerCustomer", "content.scale"));
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":" + SURVEY.replace("\"linkValidDays\":14", "\"linkValidDays\":21")
                        + ",\"rationale\":\"longer links\"}")
                .when().post("/api/v1/policies/aftersales.survey/drafts")
                .then().statusCode(201).body("status", equalTo("DRAFT"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/policies/aftersales.survey")
                .then().statusCode(200).body("version", equalTo(2));
    }
}
