package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every data read lands in the access audit, which only the data steward and admins read and nobody can alter. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class DataAccessAuditTest {

    @Inject
    EntityManager em;

    /** The newest audit lines of one user, as the data steward reads them. */
    private static JsonPath latest(String userId, String extra) {
        return new JsonPath(given().auth().oauth2(TestUsers.dora()).when()
                .get("/api/v1/audit/data-access?userId=" + userId + "&size=5" + extra)
                .then().statusCode(200).extract().asString());
    }

    @Test
    void a_report_read_is_audited_with_who_what_and_the_outcome() {
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/reports/sales-trend?from=2011-03-01&to=2011-03-02")
                .then().statusCode(200);
        JsonPath line = latest(TestUsers.MIKE_ID, "");
        assertEquals("READ", line.getString("items[0].action"));
        assertEquals("GET", line.getString("items[0].method"));
        assertEquals("/api/v1/reports/sales-trend", line.getString("items[0].path"));
        assertEquals("from=2011-03-01&to=2011-03-02", line.getString("items[0].query"));
        assertEquals(200, line.getInt("items[0].status"));
        assertEquals("GRANTED", line.getString("items[0].outcome"));
        assertEquals("mike", line.getString("items[0].username"));
        assertEquals("sales-manager", line.getString("items[0].roles"));
        assertEquals("east-1", line.getString("items[0].team"));
    }

    @Test
    void a_head_request_runs_the_read_and_is_audited_as_one_and_a_download_is_get_only() {
        given().auth().oauth2(TestUsers.mike()).when().head("/api/v1/reports/market?dimension=region&from=2011-04-01&to=2011-04-02")
                .then().statusCode(200);
        JsonPath line = latest(TestUsers.MIKE_ID, "");
        assertEquals("READ", line.getString("items[0].action"));
        assertEquals("HEAD", line.getString("items[0].method"));
        assertEquals("/api/v1/reports/market", line.getString("items[0].path"));
        assertEquals("dimension=region&from=2011-04-01&to=2011-04-02", line.getString("items[0].query"));
        given().auth().oauth2(TestUsers.mike()).when()
                .head("/api/v1/data-exports/00000000-0000-4000-8000-000000000001/download?token=x")
                .then().statusCode(405).header("Allow", "GET");
    }

    @Test
    void a_refused_read_is_audited_too() {
        String trend = "&path=/api/v1/reports/sales-trend";
        int before = latest(TestUsers.FIONA_ID, trend).getInt("total");
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/reports/sales-trend?from=2011-03-01&to=2011-03-02")
                .then().statusCode(403);
        // A role check refuses before any resource runs, on the I/O thread: the line is written off that thread.
        JsonPath line = Facts.eventually(() -> latest(TestUsers.FIONA_ID, trend), p -> p.getInt("total") > before);
        assertEquals(before + 1, line.getInt("total"));
        assertEquals("/api/v1/reports/sales-trend", line.getString("items[0].path"));
        assertEquals("from=2011-03-01&to=2011-03-02", line.getString("items[0].query"));
        assertEquals(403, line.getInt("items[0].status"));
        assertEquals("REFUSED", line.getString("items[0].outcome"));
        assertEquals("finance", line.getString("items[0].roles"));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/reports/customers?team=west-1").then().statusCode(403);
        JsonPath rep = latest(TestUsers.ALICE_ID, "&outcome=REFUSED");
        assertEquals("/api/v1/reports/customers", rep.getString("items[0].path"));
        assertTrue(rep.getString("items[0].reason").contains("west-1"), rep.prettify());
    }

    @Test
    void sales_reports_and_the_directory_are_audited_with_the_rows_answered() {
        given().auth().oauth2(TestUsers.erin()).when().get("/api/v1/sales-reports?size=1").then().statusCode(200);
        JsonPath reports = latest(TestUsers.ERIN_ID, "");
        assertEquals("/api/v1/sales-reports", reports.getString("items[0].path"));
        given().auth().oauth2(TestUsers.erin()).when().get("/api/v1/reports/customers?q=no-such-customer-name")
                .then().statusCode(200);
        JsonPath directory = latest(TestUsers.ERIN_ID, "");
        assertEquals("/api/v1/reports/customers", directory.getString("items[0].path"));
        assertEquals(0, directory.getInt("items[0].rowCount"));
    }

    @Test
    void only_the_data_steward_and_admins_read_the_audit_and_their_reading_is_audited() {
        given().auth().oauth2(TestUsers.admin()).when().get("/api/v1/audit/data-access?size=1").then().statusCode(200);
        JsonPath own = latest(TestUsers.ADMIN_ID, "&path=/api/v1/audit/");
        assertEquals("/api/v1/audit/data-access", own.getString("items[0].path"));
        for (String token : new String[] { TestUsers.mike(), TestUsers.alice(), TestUsers.diana(), TestUsers.erin() }) {
            given().auth().oauth2(token).when().get("/api/v1/audit/data-access").then().statusCode(403);
        }
        given().when().get("/api/v1/audit/data-access").then().statusCode(401);
    }

    @Test
    void the_audit_filters_and_rejects_bad_ones_naming_them() {
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/audit/data-access?outcome=REFUSED&size=50")
                .then().statusCode(200).body("items.outcome", everyItem(equalTo("REFUSED")));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/audit/data-access?action=DELETE&from=2026-12-02&to=2026-12-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("action", "to"));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/audit/data-access?from=yesterday")
                .then().statusCode(400).body("violations.field", hasItem("from"));
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/audit/data-access?from=2000-01-01&to=2000-01-02")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void the_database_refuses_to_update_delete_or_truncate_audit_lines() {
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/reports/sales-trend?from=2011-04-01&to=2011-04-01")
                .then().statusCode(200);
        long id = latest(TestUsers.MIKE_ID, "").getLong("items[0].id");
        for (String sql : new String[] {
                "UPDATE data_access_audit SET outcome = 'REFUSED', user_id = 'someone-else' WHERE id = " + id,
                "DELETE FROM data_access_audit WHERE id = " + id,
                "TRUNCATE data_access_audit" }) {
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()), sql);
            assertTrue(causes(refused).contains("append-only"), sql + ": " + causes(refused));
        }
        given().auth().oauth2(TestUsers.dora()).when().get("/api/v1/audit/data-access?userId=" + TestUsers.MIKE_ID + "&size=200")
                .then().statusCode(200).body("items.id", hasItem((int) id))
                .body("items.find { it.id == " + id + " }.outcome", equalTo("GRANTED"))
                .body("items.find { it.id == " + id + " }.query", containsString("2011-04-01"));
    }

    private static String causes(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
