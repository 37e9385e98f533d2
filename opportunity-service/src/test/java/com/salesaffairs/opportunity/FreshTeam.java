package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.salesaffairs.platform.testing.TestTokens;

import io.restassured.http.ContentType;

/**
 * A sales team of its own for one test: a manager and reps no other test touches, so loads,
 * closes and KPI facts are exactly what the test made. Reps call the service once, which makes
 * them known (RepDirectory).
 */
record FreshTeam(String name, String region, Member manager, List<Member> reps) {

    record Member(String id, String username, String token) {
    }

    /** Reps named {@code a-<team>}, {@code b-<team>}... in that order, which is also the tie-break order. */
    static FreshTeam of(int repCount) {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String region = "east";
        String managerId = UUID.randomUUID().toString();
        Member manager = new Member(managerId, "m-" + name,
                TestTokens.user("m-" + name, managerId).roles("sales-manager").team(name, region).sign());
        List<Member> reps = new ArrayList<>();
        for (int i = 0; i < repCount; i++) {
            String id = UUID.randomUUID().toString();
            String username = (char) ('a' + i) + "-" + name;
            Member rep = new Member(id, username, TestTokens.user(username, id).roles("sales-rep").team(name, region).sign());
            given().auth().oauth2(rep.token()).when().get("/api/v1/opportunities").then().statusCode(200);
            reps.add(rep);
        }
        return new FreshTeam(name, region, manager, reps);
    }

    Member rep(int i) {
        return reps.get(i);
    }

    String customer() {
        return OpportunityFixtures.customer(manager.token());
    }

    /** A manager's capture (unassigned unless the team auto-assigns); returns the response's id. */
    String capture(String customerId, String amount, String source, List<String> products) {
        String detail = source.equals("REFERRAL") || source.equals("TRADE_SHOW") ? ",\"sourceDetail\":\"Li Wei\"" : "";
        String body = "{\"customerId\":\"" + customerId + "\",\"title\":\"Pump upgrade\",\"source\":\"" + source + "\""
                + detail + ",\"productsOfInterest\":[" + String.join(",", products.stream().map(p -> "\"" + p + "\"")
                        .toList()) + "],\"estimatedAmount\":" + amount + "}";
        return given().auth().oauth2(manager.token()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
    }

    void assign(String opportunityId, Member rep) {
        given().auth().oauth2(manager.token()).contentType(ContentType.JSON)
                .body("{\"assigneeId\":\"" + rep.id() + "\",\"reason\":\"next in line\"}")
                .when().post("/api/v1/opportunities/" + opportunityId + "/assignment").then().statusCode(200);
    }
}
