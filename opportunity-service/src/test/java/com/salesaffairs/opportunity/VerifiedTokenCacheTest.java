package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Bearer tokens are verified once and then recognised (platform CachedBearerAuthentication): from the outside. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class VerifiedTokenCacheTest {

    @Inject
    MeterRegistry meters;

    private double hits() {
        return meters.get("sales.token.cache").tag("result", "hit").counter().count();
    }

    private static String aliceExpiringIn(long seconds) {
        return TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east")
                .expiresInSeconds(seconds).sign();
    }

    private static long exp(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        return JsonPath.from(payload).getLong("exp");
    }

    @Test
    void a_recognised_token_is_refused_from_the_second_it_expires() throws InterruptedException {
        String token = aliceExpiringIn(3);
        double before = hits();
        given().auth().oauth2(token).when().get("/api/v1/customers").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/customers").then().statusCode(200);
        assertEquals(before + 1, hits(), "the second request reuses the first one's verification");

        long waitMs = (exp(token) + 1) * 1000 - Instant.now().toEpochMilli();
        Thread.sleep(Math.max(0, waitMs));
        given().auth().oauth2(token).when().get("/api/v1/customers")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_recognised_token_with_another_signature_is_refused() {
        String token = aliceExpiringIn(600);
        given().auth().oauth2(token).when().get("/api/v1/customers").then().statusCode(200);
        given().auth().oauth2(token).when().get("/api/v1/customers").then().statusCode(200);

        String forged = TestTokens.user("alice", TestUsers.ALICE_ID).roles("sales-rep").team("east-1", "east")
                .forged().sign();
        String sameClaimsForgedSignature = token.substring(0, token.lastIndexOf('.') + 1)
                + forged.substring(forged.lastIndexOf('.') + 1);
        given().auth().oauth2(sameClaimsForgedSignature).when().get("/api/v1/customers").then().statusCode(401);
        given().auth().oauth2(token.substring(0, token.length() - 2)).when().get("/api/v1/customers")
                .then().statusCode(401);
    }

    @Test
    void each_token_keeps_its_own_caller() {
        String alice = aliceExpiringIn(600);
        String cindy = TestUsers.cindy();
        String id = given().auth().oauth2(alice).contentType(ContentType.JSON)
                .body("{\"name\":\"Token Cache " + UUID.randomUUID() + "\",\"industry\":\"Machinery\",\"country\":\"CN\"}")
                .when().post("/api/v1/customers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(alice).when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("ownerId", equalTo(TestUsers.ALICE_ID));
        given().auth().oauth2(cindy).when().get("/api/v1/customers/" + id).then().statusCode(404);
        given().auth().oauth2(cindy).when().get("/api/v1/customers/" + id).then().statusCode(404);
        given().auth().oauth2(alice).when().get("/api/v1/customers/" + id).then().statusCode(200);
    }
}
