package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

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
    void assignment_version_two_is_in_force_and_version_one_stays_in_the_history_retired() {
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.assignment/versions/1")
                .then().statusCode(200).body("status", equalTo("RETIRED")).body("content.maxOpenPerRep", equalTo(25));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.assignment/versions/2")
                .then().statusCode(200).body("author", equalTo("policy-seed")).body("content.capacity", equalTo(25))
                .body("content.winRateWindowQuarters", equalTo(2)).body("content.autoAssignTeams.size()", equalTo(0))
                .body("content.weights.performance", equalTo(0.4f)).body("content.weights.match", equalTo(0.1f));
        // Later tests may approve newer versions, all with these weights.
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.assignment")
                .then().statusCode(200).body("version", greaterThanOrEqualTo(2)).body("status", equalTo("ACTIVE"))
                .body("content.weights.freeCapacity", equalTo(0.2f));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies")
                .then().statusCode(200).body("key", hasItem("opportunity.assignment"));
    }

    @Test
    void a_change_needs_a_second_person_and_is_announced() {
        // The weights stay as seeded: other tests' expected scores rest on them.
        String draft = "{\"content\":{\"weights\":{\"performance\":0.4,\"winRate\":0.3,\"freeCapacity\":0.2,"
                + "\"match\":0.1},\"capacity\":25,\"winRateWindowQuarters\":2,\"autoAssignTeams\":[\"no-such-team\"]},"
                + "\"rationale\":\"restated for the test\"}";
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/opportunity.assignment/drafts").then().statusCode(403);
        int version = given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body(draft)
                .when().post("/api/v1/policies/opportunity.assignment/drafts")
                .then().statusCode(201).body("status", equalTo("DRAFT")).extract().path("version");
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/policies/opportunity.assignment/versions/" + version + "/approve")
                .then().statusCode(422).body("rule", equalTo("policy.four-eyes"));
        given().auth().oauth2(TestUsers.admin()).contentType(ContentType.JSON).body("{\"comment\":\"ok\"}")
                .when().post("/api/v1/policies/opportunity.assignment/versions/" + version + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("approver", equalTo("admin"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.assignment")
                .then().statusCode(200).body("version", equalTo(version))
                .body("content.autoAssignTeams[0]", equalTo("no-such-team"));
        given().auth().oauth2(TestUsers.alice())
                .when().get("/api/v1/policies/opportunity.assignment/diff?from=1&to=" + version)
                .then().statusCode(200).body("changes.path", hasItem("/maxOpenPerRep"));
        given().auth().oauth2(TestUsers.admin()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/policies/opportunity.assignment/versions/" + version + "/approve")
                .then().statusCode(409);
        EventProbe.await("sales.policy.events",
                r -> "sales.policy.changed.v1".equals(r.type()) && r.value().contains("\"version\":" + version)
                        && r.value().contains("opportunity-service"),
                Duration.ofSeconds(20));
    }

    @Test
    void an_assignment_draft_whose_weights_do_not_add_up_to_one_or_that_lacks_a_capacity_is_400_naming_the_field() {
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"weights\":{\"performance\":0.5,\"winRate\":0.3,\"freeCapacity\":0.2,"
                        + "\"match\":0.1},\"winRateWindowQuarters\":2,\"autoAssignTeams\":[]},\"rationale\":\"more\"}")
                .when().post("/api/v1/policies/opportunity.assignment/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.weights"))
                .body("violations.field", hasItem("content.capacity"));
    }

    @Test
    void the_follow_up_policy_is_seeded_and_a_draft_that_leaves_out_a_stage_or_misstates_the_days_is_400() {
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.followup")
                .then().statusCode(200).body("version", equalTo(1)).body("status", equalTo("ACTIVE"))
                .body("content.overdueAfterDays", equalTo(7)).body("content.stageProbabilities.PROPOSAL", equalTo(50));
        given().auth().oauth2(TestUsers.paul()).contentType(ContentType.JSON)
                .body("{\"content\":{\"overdueAfterDays\":0,\"stageProbabilities\":{\"QUALIFICATION\":10,"
                        + "\"NEEDS_ANALYSIS\":25,\"PROPOSAL\":150}},\"rationale\":\"tighter\"}")
                .when().post("/api/v1/policies/opportunity.followup/drafts")
                .then().statusCode(400).body("violations.field", hasItem("content.overdueAfterDays"))
                .body("violations.field", hasItem("content.stageProbabilities.PROPOSAL"))
                .body("violations.field", hasItem("content.stageProbabilities.NEGOTIATION"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/policies/opportunity.followup")
                .then().body("version", equalTo(1));
    }
}
