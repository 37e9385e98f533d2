package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Policy 3.1: the supervisor makes sure assignment is fair, and every close teaches the next one; both measured on a known set. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class OpportunityAnalyticsTest {
    private static final String ANALYSIS = "The buyer compared three offers line by line and chose on total cost.";
    private static final String FAIRNESS = "/api/v1/opportunities/analytics/assignment-fairness";
    private static final String WIN_LOSS = "/api/v1/opportunities/analytics/win-loss";

    @Inject
    EntityManager em;

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).config(RestAssured.config()
                .jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL)));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private void capturedDaysAgo(String id, int days) {
        QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("UPDATE opportunity SET captured_at = :at WHERE id = CAST(:id AS uuid)")
                .setParameter("at", Instant.now().minus(Duration.ofDays(days)).minusSeconds(60))
                .setParameter("id", id).executeUpdate());
    }

    private static void close(FreshTeam team, String id, String outcome, String reason, String competitor,
            String lessons) {
        String body = "{\"outcome\":\"" + outcome + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
                + (competitor == null ? "" : ",\"competitor\":\"" + competitor + "\"") + ",\"analysis\":\"" + ANALYSIS
                + "\",\"lessonsLearned\":\"" + lessons + "\",\"lines\":"
                + (outcome.equals("WON") ? "[{\"sku\":\"PUMP-200\",\"quantity\":1}]" : "[]") + "}";
        given().auth().oauth2(team.manager().token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/opportunities/" + id + "/close").then().statusCode(200);
    }

    @Test
    void fairness_gives_each_reps_count_value_shares_scores_and_the_concentration_of_the_teams_assignments() {
        FreshTeam team = FreshTeam.of(3);
        String customer = team.customer();
        String[] ids = new String[4];
        String[] amounts = { "100.00", "200.00", "300.00", "400.00" };
        for (int i = 0; i < 4; i++) {
            ids[i] = team.capture(customer, amounts[i], "MARKET_RESEARCH", List.of("PUMP-200"));
        }
        // Scores are 0.4 - 0.008 x open load here (no sales, no closes, same region), ties to the username.
        team.assign(ids[0], team.rep(0)); // top a (0.4): followed
        team.assign(ids[1], team.rep(0)); // top b (0.4), a 0.392: not followed
        team.assign(ids[2], team.rep(0)); // top b (0.4), a 0.384: not followed
        team.assign(ids[3], team.rep(1)); // top b (0.4): followed

        for (String token : new String[] { team.manager().token(), TestUsers.diana(), TestUsers.erin() }) {
            ValidatableResponse r = as(token).queryParam("team", team.name()).when().get(FAIRNESS).then().statusCode(200);
            r.body("team", equalTo(team.name())).body("currency", equalTo("CNY"))
                    .body("assignments", equalTo(4)).body("value", comparesEqualTo(d("1000.00")))
                    .body("followedTopSuggestion", equalTo(2)).body("judged", equalTo(4))
                    .body("followedTopRate", comparesEqualTo(d("0.5")))
                    .body("reps", hasSize(3))
                    .body("reps[0].repId", equalTo(team.rep(0).id())).body("reps[0].username", equalTo(team.rep(0).username()))
                    .body("reps[0].assignments", equalTo(3)).body("reps[0].value", comparesEqualTo(d("600.00")))
                    .body("reps[0].countShare", comparesEqualTo(d("0.75"))).body("reps[0].valueShare", comparesEqualTo(d("0.6")))
                    .body("reps[0].averageSuggestionScore", comparesEqualTo(d("0.392")))
                    .body("reps[0].followedTopSuggestion", equalTo(1)).body("reps[0].judged", equalTo(3))
                    .body("reps[1].repId", equalTo(team.rep(1).id())).body("reps[1].assignments", equalTo(1))
                    .body("reps[1].valueShare", comparesEqualTo(d("0.4")))
                    .body("reps[1].averageSuggestionScore", comparesEqualTo(d("0.4")))
                    .body("reps[2].repId", equalTo(team.rep(2).id())).body("reps[2].assignments", equalTo(0))
                    .body("reps[2].averageSuggestionScore", nullValue())
                    // 0.75^2 + 0.25^2 and 0.6^2 + 0.4^2; c got nothing, so no max/min ratio
                    .body("concentration.countHhi", comparesEqualTo(d("0.625")))
                    .body("concentration.valueHhi", comparesEqualTo(d("0.52")))
                    .body("concentration.maxMinRatio", nullValue());
        }
        // The manager's own team without naming it; a period before the assignments is empty.
        as(team.manager().token()).when().get(FAIRNESS).then().statusCode(200).body("assignments", equalTo(4));
        as(team.manager().token()).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").when().get(FAIRNESS)
                .then().statusCode(200).body("assignments", equalTo(0)).body("concentration.countHhi", nullValue());
    }

    @Test
    void fairness_is_for_the_teams_manager_and_leadership_and_bad_parameters_are_400_naming_them() {
        FreshTeam team = FreshTeam.of(1);
        given().auth().oauth2(TestUsers.alice()).when().get(FAIRNESS).then().statusCode(403);
        given().auth().oauth2(TestUsers.wendy()).queryParam("team", team.name()).when().get(FAIRNESS)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestUsers.diana()).when().get(FAIRNESS)
                .then().statusCode(400).body("violations.field", hasItem("team"));
        given().auth().oauth2(team.manager().token()).queryParam("from", "2026-13-01").when().get(FAIRNESS)
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(team.manager().token()).queryParam("from", "2026-12-01").queryParam("to", "2026-11-01")
                .when().get(FAIRNESS).then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(team.manager().token()).queryParam("currency", "yuan").when().get(FAIRNESS)
                .then().statusCode(400).body("violations.field", hasItem("currency"));
    }

    @Test
    void win_loss_gives_win_rate_cycle_time_and_values_per_group_with_the_most_common_lessons() {
        FreshTeam team = FreshTeam.of(1);
        String customer = team.customer();
        String o1 = team.capture(customer, "1000.00", "MARKET_RESEARCH", List.of("PUMP-200"));
        String o2 = team.capture(customer, "500.00", "REFERRAL", List.of("PUMP-200"));
        String o3 = team.capture(customer, "300.00", "MARKET_RESEARCH", List.of("PUMP-200"));
        String o4 = team.capture(customer, "200.00", "MARKET_RESEARCH", List.of("PUMP-200"));
        capturedDaysAgo(o1, 10);
        capturedDaysAgo(o2, 20);
        capturedDaysAgo(o3, 4);
        close(team, o1, "WON", null, null, "Offer the warranty early.");
        close(team, o2, "LOST", "PRICE", null, "offer the   warranty early");
        close(team, o3, "LOST", "COMPETITOR", "Globex Pumps", "Call the buyer weekly");
        close(team, o4, "WON", null, null, "Offer the warranty EARLY!");
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        as(team.manager().token()).when().get(WIN_LOSS).then().statusCode(200)
                .body("team", equalTo(team.name())).body("groupBy", equalTo("month"))
                .body("total.won", equalTo(2)).body("total.lost", equalTo(2)).body("total.closed", equalTo(4))
                .body("total.winRate", comparesEqualTo(d("0.5")))
                .body("total.averageCycleDays", comparesEqualTo(d("8.5"))) // (10 + 20 + 4 + 0) / 4
                .body("total.valueWon", comparesEqualTo(d("1200.00"))).body("total.valueLost", comparesEqualTo(d("800.00")))
                .body("groups", hasSize(1)).body("groups[0].key", equalTo(month))
                .body("topLessons", hasSize(2))
                .body("topLessons[0].lesson", equalTo("offer the warranty early")).body("topLessons[0].count", equalTo(3))
                .body("topLessons[1].lesson", equalTo("call the buyer weekly")).body("topLessons[1].count", equalTo(1));

        as(TestUsers.diana()).queryParam("team", team.name()).queryParam("groupBy", "source").when().get(WIN_LOSS)
                .then().statusCode(200).body("groups", hasSize(2))
                .body("groups[0].key", equalTo("MARKET_RESEARCH")).body("groups[0].won", equalTo(2))
                .body("groups[0].lost", equalTo(1)).body("groups[0].winRate", comparesEqualTo(d("0.6667")))
                .body("groups[0].averageCycleDays", comparesEqualTo(d("4.67")))
                .body("groups[0].valueWon", comparesEqualTo(d("1200.00")))
                .body("groups[0].valueLost", comparesEqualTo(d("300.00")))
                .body("groups[1].key", equalTo("REFERRAL")).body("groups[1].winRate", comparesEqualTo(d("0")))
                .body("groups[1].averageCycleDays", comparesEqualTo(d("20")));

        as(TestUsers.erin()).queryParam("team", team.name()).queryParam("groupBy", "reason").when().get(WIN_LOSS)
                .then().statusCode(200).body("groups", hasSize(3))
                .body("groups[0].key", equalTo("COMPETITOR")).body("groups[1].key", equalTo("PRICE"))
                .body("groups[2].key", nullValue()).body("groups[2].won", equalTo(2));
        as(TestUsers.admin()).queryParam("team", team.name()).queryParam("competitor", "globex pumps")
                .queryParam("groupBy", "competitor").when().get(WIN_LOSS).then().statusCode(200)
                .body("total.closed", equalTo(1)).body("total.lost", equalTo(1))
                .body("groups[0].key", equalTo("globex pumps")).body("topLessons[0].lesson", equalTo("call the buyer weekly"));
        as(team.manager().token()).queryParam("reason", "PRICE").queryParam("source", "REFERRAL").when().get(WIN_LOSS)
                .then().statusCode(200).body("total.closed", equalTo(1))
                .body("total.valueLost", comparesEqualTo(d("500.00")));
        // A close reopened no longer counts: its closing report is cleared.
        given().auth().oauth2(team.manager().token()).contentType(ContentType.JSON).body("{\"reason\":\"budget approved\"}")
                .when().post("/api/v1/opportunities/" + o4 + "/reopen").then().statusCode(200);
        as(team.manager().token()).when().get(WIN_LOSS).then().statusCode(200).body("total.closed", equalTo(3))
                .body("total.won", equalTo(1));
    }

    @Test
    void win_loss_is_for_managers_of_their_team_and_leadership_and_bad_filters_are_400_naming_them() {
        FreshTeam team = FreshTeam.of(1);
        given().auth().oauth2(team.rep(0).token()).when().get(WIN_LOSS).then().statusCode(403);
        given().auth().oauth2(TestUsers.wendy()).queryParam("team", team.name()).when().get(WIN_LOSS)
                .then().statusCode(404);
        given().auth().oauth2(TestUsers.diana()).when().get(WIN_LOSS).then().statusCode(200);
        for (String[] bad : new String[][] { { "groupBy", "weekday" }, { "source", "FAX" }, { "reason", "BAD_LUCK" },
                { "from", "yesterday" }, { "to", "2026-02-30" } }) {
            given().auth().oauth2(team.manager().token()).queryParam(bad[0], bad[1]).when().get(WIN_LOSS)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItem(bad[0]));
        }
        given().auth().oauth2(team.manager().token()).queryParam("competitor", "x".repeat(201)).when().get(WIN_LOSS)
                .then().statusCode(400).body("violations.field", hasItem("competitor"));
        given().auth().oauth2(team.manager().token()).queryParam("team", UUID.randomUUID().toString()).when()
                .get(WIN_LOSS).then().statusCode(404);
    }
}
