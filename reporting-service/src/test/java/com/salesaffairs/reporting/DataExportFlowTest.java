package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestTokens;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Data leaves only through an export the data steward (and for sensitive fields a director) approved,
 * produced once, watermarked, downloadable by its requester through a link that expires after 72 hours
 * and 3 downloads (reporting.export v2); every refused attempt is audited.
 */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class DataExportFlowTest {
    /** A second director, so that a director's own request can still get a director's approval. */
    private static final String DIRK_ID = "00000000-0000-4000-8000-0000000000d1";
    private static final String SETTLED = "sales.order.settled.v1";

    @Inject
    EntityManager em;

    private static String dirk() {
        return TestTokens.user("dirk", DIRK_ID).roles("sales-director").sign();
    }

    /** Orders on days of February 2018 that only this class uses; east-1 (alice) and west-1 (cindy). */
    private static String eastOrder;
    private static String westOrder;

    @BeforeEach
    void orders() {
        if (eastOrder != null) {
            return;
        }
        eastOrder = UUID.randomUUID().toString();
        westOrder = UUID.randomUUID().toString();
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, eastOrder,
                Facts.settled(eastOrder, "east-1", "2018-02-02T03:00:00Z", "1200.00", "800.00"));
        Facts.publishOrderEvent(UUID.randomUUID().toString(), SETTLED, westOrder,
                Facts.settled(westOrder, "west-1", "2018-02-02T04:00:00Z", "900.00", "500.00"));
        long rows = Facts.eventually(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT COUNT(*) FROM sales_fact WHERE order_id IN (CAST(:a AS uuid), CAST(:b AS uuid))")
                .setParameter("a", eastOrder).setParameter("b", westOrder).getSingleResult()).longValue()), n -> n == 2);
        assertEquals(2, rows);
    }

    private static String salesOrdersRequest(String team) {
        return "{\"dataset\":\"SALES_ORDERS\",\"fields\":[\"orderId\",\"settledOn\",\"team\",\"netAmount\"],"
                + "\"filters\":{\"from\":\"2018-02-01\",\"to\":\"2018-02-03\"" + (team == null ? "" : ",\"team\":\"" + team + "\"")
                + "},\"purpose\":\"Quarterly volume check by our auditor\",\"recipient\":\"Hangzhou Audit Partners\"}";
    }

    private static final String CUSTOMERS_WITH_CONTACTS = "{\"dataset\":\"CUSTOMERS\",\"fields\":[\"customerId\",\"customerName\","
            + "\"segment\",\"contactName\",\"contactEmail\"],\"purpose\":\"Trade-show invitations with our distributor\","
            + "\"recipient\":\"Ningbo Tools Distribution\"}";

    private static JsonPath request(String token, String body) {
        return new JsonPath(given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/data-exports").then().statusCode(201).extract().asString());
    }

    private static io.restassured.response.ValidatableResponse decide(String token, String id, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"decision\":\"" + decision + "\",\"comment\":\"checked purpose and recipient\"}")
                .when().post("/api/v1/data-exports/" + id + "/decision").then();
    }

    private static String linkOf(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/data-exports/" + id).then().statusCode(200)
                .extract().path("link.url");
    }

    private static io.restassured.response.ValidatableResponse download(String token, String url) {
        return given().auth().oauth2(token).when().get(url).then();
    }

    /** An export approved by the steward alone; its link url (for mike). */
    private String approvedSalesOrders() {
        String id = request(TestUsers.mike(), salesOrdersRequest(null)).getString("id");
        decide(TestUsers.dora(), id, "APPROVE").statusCode(200).body("status", equalTo("APPROVED"));
        return linkOf(TestUsers.mike(), id);
    }

    private List<String> auditReasons(String exportId, String userId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT COALESCE(reason, '') || ' [' || status || ' ' || outcome || ']' FROM data_access_audit"
                        + " WHERE resource_id = :id AND user_id = :user AND action = 'EXPORT_DOWNLOAD' ORDER BY id", String.class)
                .setParameter("id", exportId).setParameter("user", userId).getResultList());
    }

    @Test
    void a_non_sensitive_export_needs_the_data_steward_only_and_is_produced_once_watermarked() {
        JsonPath requested = request(TestUsers.mike(), salesOrdersRequest(null));
        String id = requested.getString("id");
        assertEquals("PENDING", requested.getString("status"));
        assertEquals(List.of(), requested.getList("sensitiveFields"));
        assertEquals(List.of("data-steward"), requested.getList("requiredApprovals"));
        assertTrue(requested.getInt("policyVersion") >= 2, "stamped with the export policy in force");
        // A director is not an approver of an export without sensitive fields.
        decide(TestUsers.diana(), id, "APPROVE").statusCode(422).body("rule", equalTo("data-export.approver-role"));
        decide(TestUsers.dora(), id, "APPROVE").statusCode(200).body("status", equalTo("APPROVED"))
                .body("rowCount", equalTo(1)).body("steward.deciderId", equalTo(TestUsers.DORA_ID))
                .body("link", nullValue()); // the steward is not the requester: no link for them
        decide(TestUsers.dora(), id, "APPROVE").statusCode(409);

        String url = linkOf(TestUsers.mike(), id);
        assertTrue(url.startsWith("/api/v1/data-exports/" + id + "/download?token="), url);
        String csv = download(TestUsers.mike(), url).statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("data-export-" + id + ".csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("# confidential data export " + id), lines[0]);
        assertTrue(lines[0].endsWith("watermark " + id), lines[0]);
        assertEquals("watermark,orderId,settledOn,team,netAmount", lines[1]);
        // The manager's reach: their team's order only, not west-1's.
        assertEquals(id + "," + eastOrder + ",2018-02-02,east-1,1200.00", lines[2]);
        assertEquals(3, lines.length, csv);
        assertFalse(csv.contains(westOrder));

        EventProbe.Received event = EventProbe.await("sales.reporting.events",
                r -> "sales.export.approved.v1".equals(r.type()) && r.value().contains(id), Duration.ofSeconds(20));
        assertEquals(id, event.key());
        JsonPath payload = new JsonPath(event.value());
        assertEquals("SALES_ORDERS", payload.getString("dataset"));
        assertEquals(1, payload.getInt("rowCount"));
        assertEquals(TestUsers.MIKE_ID, payload.getString("requesterId"));
        assertEquals("data-steward", payload.getString("approvals[0].role"));
        assertFalse(event.value().contains("token"), event.value());
        assertFalse(event.value().contains(eastOrder), "the event never carries the data");
    }

    @Test
    void an_export_with_contact_data_needs_the_steward_and_a_director_and_nobody_decides_their_own() {
        String id = request(TestUsers.diana(), CUSTOMERS_WITH_CONTACTS).getString("id");
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/data-exports/" + id).then().statusCode(200)
                .body("sensitiveFields", equalTo(List.of("customerName", "contactName", "contactEmail")))
                .body("requiredApprovals", equalTo(List.of("data-steward", "sales-director")));
        decide(TestUsers.diana(), id, "APPROVE").statusCode(422).body("rule", equalTo("data-export.four-eyes"));
        decide(TestUsers.erin(), id, "APPROVE").statusCode(403);
        decide(TestUsers.alice(), id, "APPROVE").statusCode(403);
        decide(TestUsers.dora(), id, "APPROVE").statusCode(200).body("status", equalTo("PENDING"))
                .body("producedAt", nullValue());
        assertEquals(null, linkOf(TestUsers.diana(), id));
        decide(dirk(), id, "APPROVE").statusCode(200).body("status", equalTo("APPROVED"))
                .body("director.deciderId", equalTo(DIRK_ID));
        String csv = download(TestUsers.diana(), linkOf(TestUsers.diana(), id)).statusCode(200).extract().asString();
        assertTrue(csv.split("\r\n")[1].equals("watermark,customerId,customerName,segment,contactName,contactEmail"), csv);
        EventProbe.Received event = EventProbe.await("sales.reporting.events",
                r -> "sales.export.approved.v1".equals(r.type()) && r.value().contains(id), Duration.ofSeconds(20));
        JsonPath payload = new JsonPath(event.value());
        assertEquals(List.of("data-steward", "sales-director"), payload.getList("approvals.role"));
        assertEquals(List.of("customerName", "contactName", "contactEmail"), payload.getList("sensitiveFields"));
    }

    @Test
    void a_reps_customer_export_holds_only_their_own_customers_contacts() {
        String mine = UUID.randomUUID().toString();
        String bobs = UUID.randomUUID().toString();
        String tag = "Exp" + UUID.randomUUID().toString().substring(0, 8);
        String contacts = "[{\"name\":\"Zhou Lan\",\"title\":\"Buyer\",\"phone\":\"+86 139 0000 1111\",\"email\":\"zhou@" + tag + ".example\"}]";
        ReadModelEvents.opportunityEvent("sales.customer.registered.v1", mine,
                ReadModelEvents.customer(mine, 1, tag + " Alice Co", TestUsers.ALICE_ID, "east-1", "SMALL_BUSINESS", contacts, "2015-01-05T02:00:00Z"));
        String last = ReadModelEvents.opportunityEvent("sales.customer.registered.v1", bobs,
                ReadModelEvents.customer(bobs, 1, tag + " Bob Co", TestUsers.BOB_ID, "east-1", "SMALL_BUSINESS", contacts, "2015-01-05T02:00:00Z"));
        ReadModelEvents.awaitApplied(em, last, "pipeline-read-model");

        String id = request(TestUsers.alice(), CUSTOMERS_WITH_CONTACTS).getString("id");
        decide(TestUsers.dora(), id, "APPROVE").statusCode(200);
        decide(TestUsers.diana(), id, "APPROVE").statusCode(200).body("status", equalTo("APPROVED"));
        String csv = download(TestUsers.alice(), linkOf(TestUsers.alice(), id)).statusCode(200).extract().asString();
        assertTrue(csv.contains(mine + "," + tag + " Alice Co,SMALL_BUSINESS,Zhou Lan,zhou@" + tag + ".example"), csv);
        assertFalse(csv.contains(bobs), "bob's customer is not alice's to export");
    }

    @Test
    void a_rejected_export_is_never_produced() {
        String id = request(TestUsers.mike(), salesOrdersRequest("east-1")).getString("id");
        decide(TestUsers.dora(), id, "REJECT").statusCode(200).body("status", equalTo("REJECTED"))
                .body("steward.decision", equalTo("REJECT")).body("rowCount", nullValue());
        decide(TestUsers.dora(), id, "APPROVE").statusCode(409);
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/data-exports/" + id + "/download?token=x")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(null, linkOf(TestUsers.mike(), id));
    }

    @Test
    void the_link_works_three_times_then_is_refused_and_audited() {
        String url = approvedSalesOrders();
        String id = url.split("/")[4];
        for (int i = 0; i < 3; i++) {
            download(TestUsers.mike(), url).statusCode(200);
        }
        download(TestUsers.mike(), url).statusCode(410).contentType("application/problem+json")
                .body("rule", equalTo("data-export.link-used-up"));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/data-exports/" + id).then()
                .body("link.downloads", equalTo(3)).body("link.downloadsLeft", equalTo(0));
        List<String> audited = auditReasons(id, TestUsers.MIKE_ID);
        assertEquals(4, audited.size(), audited.toString());
        assertEquals(" [200 GRANTED]", audited.get(0));
        assertEquals("link used 3 of 3 times [410 REFUSED]", audited.get(3));
    }

    @Test
    void an_expired_link_is_refused_and_audited() {
        String url = approvedSalesOrders();
        String id = url.split("/")[4];
        download(TestUsers.mike(), url).statusCode(200);
        // 72 hours later: the stored expiry is what the service compares with its clock.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "UPDATE data_export SET link_expires_at = now() - INTERVAL '1 second' WHERE id = CAST(:id AS uuid)")
                .setParameter("id", id).executeUpdate());
        download(TestUsers.mike(), url).statusCode(410).body("rule", equalTo("data-export.link-expired"));
        List<String> audited = auditReasons(id, TestUsers.MIKE_ID);
        assertTrue(audited.get(audited.size() - 1).startsWith("link expired at "), audited.toString());
        assertTrue(audited.get(audited.size() - 1).endsWith("[410 REFUSED]"), audited.toString());
    }

    @Test
    void the_link_expires_72_hours_after_production() {
        String url = approvedSalesOrders();
        String id = url.split("/")[4];
        JsonPath view = new JsonPath(given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/data-exports/" + id)
                .then().statusCode(200).extract().asString());
        java.time.Instant produced = java.time.Instant.parse(view.getString("producedAt"));
        java.time.Instant expires = java.time.Instant.parse(view.getString("link.expiresAt"));
        assertEquals(Duration.ofHours(72), Duration.between(produced, expires));
        assertEquals(3, view.getInt("link.maxDownloads"));
    }

    @Test
    void someone_else_with_the_link_is_refused_as_if_it_did_not_exist_and_audited() {
        String url = approvedSalesOrders();
        String id = url.split("/")[4];
        download(TestUsers.bob(), url).statusCode(404).contentType("application/problem+json");
        download(TestUsers.dora(), url).statusCode(404);
        assertEquals(List.of("not the requester [404 REFUSED]"), auditReasons(id, TestUsers.BOB_ID));
        // The refusals did not use up the requester's downloads.
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/data-exports/" + id).then()
                .body("link.downloads", equalTo(0));
        // Nor can another rep see the request at all.
        given().auth().oauth2(TestUsers.bob()).when().get("/api/v1/data-exports/" + id).then().statusCode(404);
    }

    @Test
    void a_wrong_or_missing_token_is_403_and_audited() {
        String url = approvedSalesOrders();
        String id = url.split("/")[4];
        download(TestUsers.mike(), "/api/v1/data-exports/" + id + "/download?token=guess").statusCode(403)
                .body("rule", equalTo("data-export.link-token"));
        download(TestUsers.mike(), "/api/v1/data-exports/" + id + "/download").statusCode(403);
        assertEquals(List.of("link token missing or wrong [403 REFUSED]", "link token missing or wrong [403 REFUSED]"),
                auditReasons(id, TestUsers.MIKE_ID));
        // The token never lands in the audit.
        List<String> queries = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT COALESCE(query, '') FROM data_access_audit WHERE resource_id = :id", String.class)
                .setParameter("id", id).getResultList());
        assertTrue(queries.contains("token=***"), queries.toString());
        String token = url.substring(url.indexOf("token=") + 6);
        assertTrue(queries.stream().noneMatch(q -> q.contains(token)), queries.toString());
    }

    @Test
    void bad_requests_are_400_naming_the_field() {
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(salesOrdersRequest(null).replace("SALES_ORDERS", "PAYROLL"))
                .when().post("/api/v1/data-exports").then().statusCode(400).body("violations.field", hasItem("dataset"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(salesOrdersRequest(null).replace("\"settledOn\"", "\"margin\""))
                .when().post("/api/v1/data-exports").then().statusCode(400).body("violations.field", hasItem("fields[1]"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body(salesOrdersRequest(null).replace("2018-02-03", "2018-01-03"))
                .when().post("/api/v1/data-exports").then().statusCode(400).body("violations.field", hasItem("filters.to"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON)
                .body("{\"dataset\":\"CUSTOMERS\",\"fields\":[],\"purpose\":\"\",\"recipient\":\"x\"}")
                .when().post("/api/v1/data-exports").then().statusCode(400)
                .body("violations.field", hasItems(containsString("fields"), containsString("purpose")));
        String id = request(TestUsers.mike(), salesOrdersRequest(null)).getString("id");
        given().auth().oauth2(TestUsers.dora()).contentType(ContentType.JSON).body("{\"decision\":\"MAYBE\",\"comment\":\"hm\"}")
                .when().post("/api/v1/data-exports/" + id + "/decision").then().statusCode(400)
                .body("violations.field", hasItem("decision"));
    }

    @Test
    void scope_and_roles_of_requests() {
        // A rep or manager cannot export another team's data.
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body(salesOrdersRequest("west-1"))
                .when().post("/api/v1/data-exports").then().statusCode(403).body("violations.field", hasItem("team"));
        // The steward decides and does not request; functional roles neither.
        given().auth().oauth2(TestUsers.dora()).contentType(ContentType.JSON).body(salesOrdersRequest(null))
                .when().post("/api/v1/data-exports").then().statusCode(403);
        given().auth().oauth2(TestUsers.fiona()).contentType(ContentType.JSON).body(salesOrdersRequest(null))
                .when().post("/api/v1/data-exports").then().statusCode(403);
        given().contentType(ContentType.JSON).body(salesOrdersRequest(null))
                .when().post("/api/v1/data-exports").then().statusCode(401);
        // A rep lists their own requests; the steward every request.
        String bobs = request(TestUsers.bob(), salesOrdersRequest(null)).getString("id");
        List<String> alices = given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/data-exports?size=200")
                .then().statusCode(200).extract().path("items.id");
        assertFalse(alices.contains(bobs));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/data-exports?status=PENDING&size=200")
                .then().statusCode(200).body("items.id", hasItem(bobs));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/data-exports?status=OPEN")
                .then().statusCode(400).body("violations.field", hasItem("status"));
    }
}
