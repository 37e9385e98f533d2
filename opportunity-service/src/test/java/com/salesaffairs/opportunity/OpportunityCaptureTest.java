package com.salesaffairs.opportunity;

import static com.salesaffairs.opportunity.OpportunityFixtures.capture;
import static com.salesaffairs.opportunity.OpportunityFixtures.captureBody;
import static com.salesaffairs.opportunity.OpportunityFixtures.customer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Policy 3.1, obtaining: an opportunity is registered promptly, by the rep who found it or by a manager for assignment. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OpportunityCaptureTest {

    @Test
    void a_reps_capture_is_theirs_and_a_managers_waits_unassigned_in_the_team() throws Exception {
        String customer = customer(TestUsers.alice());
        Instant before = Instant.now();
        String mine = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(captureBody(customer))
                .when().post("/api/v1/opportunities")
                .then().statusCode(201).header("Location", containsString("/api/v1/opportunities/"))
                .header("ETag", equalTo("\"0\"")).body("assigneeId", equalTo(TestUsers.ALICE_ID))
                .body("team", equalTo("east-1")).body("region", equalTo("east")).body("stage", equalTo("QUALIFICATION"))
                .body("probability", equalTo(10)).body("probabilityPolicyVersion", equalTo(1))
                .body("currency", equalTo("CNY")).body("estimatedAmount", equalTo(1000.00f))
                .body("productsOfInterest[1]", equalTo("Valves")).body("overdue", equalTo(false))
                .body("daysWithoutContact", equalTo(0)).body("stageHistory[0].to", equalTo("QUALIFICATION"))
                .extract().path("id");
        String next = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities/" + mine)
                .then().extract().path("nextFollowUpAt");
        Duration ahead = Duration.between(before, Instant.parse(next));
        assertTrue(ahead.compareTo(Duration.ofDays(7)) >= 0 && ahead.compareTo(Duration.ofDays(7).plusMinutes(5)) < 0,
                "the default follow-up is the policy's seven days ahead: " + next);

        String managers = given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(captureBody(customer).replace("}", ",\"region\":\"east-coast\"}"))
                .when().post("/api/v1/opportunities")
                .then().statusCode(201).body("assigneeId", nullValue()).body("team", equalTo("east-1"))
                .body("region", equalTo("east-coast")).extract().path("id");
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/opportunities?unassigned=true&customerId=" + customer)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(managers));

        JsonNode created = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(mine,
                "sales.opportunity.created.v1"));
        assertEquals(customer, created.path("customerId").asText());
        assertEquals(TestUsers.ALICE_ID, created.path("assigneeId").asText());
        assertEquals("MARKET_RESEARCH", created.path("source").asText());
        assertEquals(0, created.path("estimatedAmount").decimalValue().compareTo(new java.math.BigDecimal("1000.00")));
        assertTrue(OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(managers,
                "sales.opportunity.created.v1")).path("assigneeId").isNull());
    }

    @Test
    void a_customer_the_caller_does_not_see_or_that_does_not_exist_is_422_customer_known() {
        String alices = customer(TestUsers.alice());
        for (String customer : new String[] { alices, UUID.randomUUID().toString() }) {
            given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).body(captureBody(customer))
                    .when().post("/api/v1/opportunities")
                    .then().statusCode(422).body("rule", equalTo("opportunity.customer-known"))
                    .body("violations.field", hasItem("customerId"));
        }
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?customerId=" + alices)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void bad_input_is_400_naming_the_field_and_captures_nothing() {
        String customer = customer(TestUsers.alice());
        String ok = captureBody(customer);
        String[][] cases = {
                { ok.replace("MARKET_RESEARCH", "REFERRAL"), "sourceDetail" },
                { ok.replace("MARKET_RESEARCH", "TRADE_SHOW").replace("}", ",\"sourceDetail\":\"  \"}"), "sourceDetail" },
                { ok.replace("\"MARKET_RESEARCH\"", "0"), "source" },
                { ok.replace("1000.00", "10.005"), "estimatedAmount" },
                { ok.replace("1000.00", "-1"), "estimatedAmount" },
                { ok.replace("}", ",\"expectedCloseDate\":\"" + LocalDate.now().minusDays(2) + "\"}"), "expectedCloseDate" },
                { ok.replace("}", ",\"nextFollowUpAt\":\"" + Instant.now().minusSeconds(60) + "\"}"), "nextFollowUpAt" },
                { ok.replace("}", ",\"assigneeId\":\"" + TestUsers.BOB_ID + "\"}"), "assigneeId" },
                { ok.replace("}", ",\"currency\":\"yuan\"}"), "currency" },
                { ok.replace("\"title\":\"Pump upgrade\",", ""), "title" } };
        for (String[] c : cases) {
            given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(c[0])
                    .when().post("/api/v1/opportunities")
                    .then().statusCode(400).contentType("application/problem+json").body("violations.field", hasItem(c[1]));
        }
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?customerId=" + customer)
                .then().body("total", equalTo(0));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(ok.replace("MARKET_RESEARCH", "REFERRAL").replace("}", ",\"sourceDetail\":\"Mr Chen of Globex\"}"))
                .when().post("/api/v1/opportunities").then().statusCode(201).body("sourceDetail", equalTo("Mr Chen of Globex"));
    }

    @Test
    void the_same_idempotency_key_replays_the_capture_and_another_body_is_422() {
        String customer = customer(TestUsers.alice());
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(captureBody(customer)).when().post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(captureBody(customer)).when().post("/api/v1/opportunities")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first))
                .header("ETag", equalTo("\"0\""));
        given().auth().oauth2(TestUsers.alice()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(captureBody(customer).replace("Pump upgrade", "Other")).when().post("/api/v1/opportunities")
                .then().statusCode(422).body("rule", equalTo("idempotency-key.reused"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?customerId=" + customer)
                .then().body("total", equalTo(1));
    }

    @Test
    void a_rep_sees_their_own_a_manager_their_team_and_leadership_all_while_others_get_404_or_403() {
        String id = capture(TestUsers.alice(), customer(TestUsers.alice()));
        for (String outsider : new String[] { TestUsers.bob(), TestUsers.cindy(), TestUsers.wendy() }) {
            given().auth().oauth2(outsider).when().get("/api/v1/opportunities/" + id).then().statusCode(404);
        }
        for (String insider : new String[] { TestUsers.alice(), TestUsers.mike(), TestUsers.diana(), TestUsers.erin(),
                TestUsers.admin() }) {
            given().auth().oauth2(insider).when().get("/api/v1/opportunities/" + id).then().statusCode(200)
                    .header("ETag", equalTo("\"0\""));
        }
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/opportunities/" + id).then().statusCode(403);
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/opportunities").then().statusCode(403);
        given().auth().oauth2(TestUsers.diana()).contentType(ContentType.JSON).body(captureBody(UUID.randomUUID().toString()))
                .when().post("/api/v1/opportunities").then().statusCode(403);
        given().when().get("/api/v1/opportunities/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east")
                .forged().sign()).when().get("/api/v1/opportunities/" + id).then().statusCode(401);
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/opportunities?size=200")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/opportunities?stage=QUALIFICATION&source=MARKET_RESEARCH"
                + "&assigneeId=" + TestUsers.ALICE_ID + "&size=200").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/opportunities?size=200")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?stage=CLOSED")
                .then().statusCode(400).body("violations.field", hasItem("stage"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?overdue=yes")
                .then().statusCode(400).body("violations.field", hasItem("overdue"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/opportunities?customerId=42")
                .then().statusCode(400).body("violations.field", hasItem("customerId"));
    }
}
