package com.salesaffairs.aftersales;

import static com.salesaffairs.aftersales.AftersalesFixtures.aliceCustomer;
import static com.salesaffairs.aftersales.AftersalesFixtures.logFeedback;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.time.ZoneId;
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
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ImprovementActionTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    EntityManager em;

    private static String body(String links, LocalDate due) {
        return "{\"rootCause\":\"seal compound changed\",\"action\":\"inspect every seal batch\",\"ownerId\":\""
                + TestUsers.SAM_ID + "\",\"dueDate\":\"" + due + "\"" + links + "}";
    }

    private static ValidatableResponse open(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/improvement-actions").then();
    }

    private static ValidatableResponse move(String token, String id, String ifMatch, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/v1/improvement-actions/" + id + "/status").then();
    }

    @Test
    void an_action_linked_to_a_case_opens_and_moves_to_done_with_its_history() {
        String caseId = logFeedback(TestUsers.alice(), aliceCustomer(em), "improvement link");
        var created = open(TestUsers.sam(), body(",\"caseIds\":[\"" + caseId + "\"]", TODAY)).statusCode(201)
                .body("status", equalTo("OPEN")).body("caseIds", equalTo(List.of(caseId)))
                .body("dueDate", equalTo(TODAY.toString())).body("overdue", equalTo(false))
                .body("createdBy", equalTo(TestUsers.SAM_ID)).extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/improvement-actions/" + id));

        move(TestUsers.mike(), id, null, "{\"status\":\"IN_PROGRESS\",\"note\":\"started\"}").statusCode(428)
                .contentType("application/problem+json");
        move(TestUsers.mike(), id, "\"7\"", "{\"status\":\"IN_PROGRESS\",\"note\":\"started\"}").statusCode(412);
        move(TestUsers.mike(), id, "\"0\"", "{\"status\":\"PAUSED\"}").statusCode(400).body("violations.field", hasItem("status"));
        move(TestUsers.mike(), id, "\"0\"", "{\"status\":\"OPEN\"}").statusCode(400).body("violations.field", hasItem("status"));
        move(TestUsers.mike(), id, "\"0\"", "{\"status\":\"IN_PROGRESS\",\"note\":\"audit booked\"}").statusCode(200)
                .body("status", equalTo("IN_PROGRESS")).header("ETag", equalTo("\"1\""));
        move(TestUsers.diana(), id, "\"1\"", "{\"status\":\"DONE\",\"note\":\"inspection in place\"}").statusCode(200)
                .body("status", equalTo("DONE"));
        move(TestUsers.sam(), id, "\"2\"", "{\"status\":\"CANCELLED\"}").statusCode(409)
                .contentType("application/problem+json");
        move(TestUsers.alice(), id, "\"2\"", "{\"status\":\"CANCELLED\"}").statusCode(403);
        move(TestUsers.sam(), UUID.randomUUID().toString(), "\"0\"", "{\"status\":\"DONE\"}").statusCode(404);

        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/improvement-actions/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"2\"")).body("status", equalTo("DONE"))
                .body("history.status", equalTo(List.of("OPEN", "IN_PROGRESS", "DONE")))
                .body("history[1].note", equalTo("audit booked")).body("history[2].actor", equalTo(TestUsers.DIANA_ID));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/improvement-actions/" + id).then().statusCode(403);
    }

    @Test
    void an_action_needs_a_link_a_due_date_not_in_the_past_and_a_known_case() {
        open(TestUsers.sam(), body("", TODAY)).statusCode(422).contentType("application/problem+json")
                .body("rule", equalTo("improvement.link"));
        open(TestUsers.sam(), body(",\"caseIds\":[],\"categories\":[]", TODAY)).statusCode(422)
                .body("rule", equalTo("improvement.link"));
        open(TestUsers.sam(), body(",\"categories\":[\"DELIVERY\"]", TODAY.minusDays(1))).statusCode(400)
                .body("violations.field", hasItem("dueDate"));
        open(TestUsers.sam(), body(",\"categories\":[\"FOOD\"]", TODAY)).statusCode(400);
        open(TestUsers.sam(), "{\"action\":\"x\",\"ownerId\":\"y\",\"dueDate\":\"" + TODAY + "\",\"categories\":[\"DELIVERY\"]}")
                .statusCode(400).body("violations.field", hasItem("rootCause"));
        open(TestUsers.sam(), body(",\"caseIds\":[\"" + UUID.randomUUID() + "\"]", TODAY)).statusCode(422)
                .body("rule", equalTo("improvement.case-known"));
        String eastCase = logFeedback(TestUsers.alice(), aliceCustomer(em), "east only");
        open(TestUsers.wendy(), body(",\"caseIds\":[\"" + eastCase + "\"]", TODAY)).statusCode(422)
                .body("rule", equalTo("improvement.case-known"));
        open(TestUsers.alice(), body(",\"categories\":[\"DELIVERY\"]", TODAY)).statusCode(403);
        open(TestUsers.fiona(), body(",\"categories\":[\"DELIVERY\"]", TODAY)).statusCode(403);
    }

    @Test
    void the_same_idempotency_key_replays_the_first_action() {
        String key = UUID.randomUUID().toString();
        String request = body(",\"categories\":[\"BILLING\"]", TODAY.plusDays(30));
        String id = given().auth().oauth2(TestUsers.mike()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request).when().post("/api/v1/improvement-actions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestUsers.mike()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request).when().post("/api/v1/improvement-actions").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        given().auth().oauth2(TestUsers.mike()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(request.replace("BILLING", "SERVICE")).when().post("/api/v1/improvement-actions").then()
                .statusCode(422).body("rule", equalTo("idempotency-key.reused"));
    }

    @Test
    void the_list_filters_by_status_category_and_overdue() {
        String marker = UUID.randomUUID().toString();
        String late = open(TestUsers.diana(), body(",\"categories\":[\"OTHER\"]", TODAY).replace("seal compound changed",
                marker)).statusCode(201).extract().path("id");
        String done = open(TestUsers.diana(), body(",\"categories\":[\"OTHER\"]", TODAY).replace("seal compound changed",
                marker)).statusCode(201).extract().path("id");
        open(TestUsers.diana(), body(",\"categories\":[\"SERVICE\"]", TODAY.plusDays(10))).statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE improvement_action SET due_date = due_date - 5 WHERE root_cause = :m")
                .setParameter("m", marker).executeUpdate());
        move(TestUsers.sam(), done, "\"0\"", "{\"status\":\"DONE\"}").statusCode(200).body("overdue", equalTo(false));

        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/improvement-actions?overdue=true&category=OTHER").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(late))
                .body("items[0].overdue", equalTo(true));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/improvement-actions?status=DONE&category=OTHER").then()
                .statusCode(200).body("items.id", hasItem(done)).body("items.id", not(hasItem(late)));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/improvement-actions?category=OTHER&size=200").then()
                .statusCode(200).body("items.id", hasItem(late)).body("items.id", hasItem(done));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/improvement-actions?overdue=maybe").then()
                .statusCode(400).body("violations.field", hasItem("overdue"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/improvement-actions?status=LATE").then()
                .statusCode(400).body("violations.field", hasItem("status"));
    }
}
