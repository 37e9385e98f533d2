package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The customer directory is scoped like the reports and shows contact data in clear only to who works with the customer. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CustomerDirectoryTest {
    private static final String CONTACTS = "[{\"name\":\"Li Wei\",\"title\":\"Purchasing\",\"phone\":\"+86 138 0013 8000\","
            + "\"email\":\"li.wei@pumps.example\"}]";

    @Inject
    EntityManager em;

    /** A word only this test's customers have in their names, so other tests' customers never count. */
    private String tag;

    @BeforeEach
    void customers() {
        tag = "Dir" + UUID.randomUUID().toString().substring(0, 8);
        register(tag + " Alice Pumps", TestUsers.ALICE_ID, "east-1");
        register(tag + " Bob Valves", TestUsers.BOB_ID, "east-1");
        String last = register(tag + " Cindy Gears", TestUsers.CINDY_ID, "west-1");
        ReadModelEvents.awaitApplied(em, last, "pipeline-read-model");
    }

    private static String register(String name, String owner, String team) {
        String id = UUID.randomUUID().toString();
        return ReadModelEvents.opportunityEvent("sales.customer.registered.v1", id,
                ReadModelEvents.customer(id, 1, name, owner, team, "ENTERPRISE", CONTACTS, "2015-01-05T02:00:00Z"));
    }

    private JsonPath directory(String token, String query) {
        return new JsonPath(given().auth().oauth2(token).when().get("/api/v1/reports/customers?q=" + tag + query)
                .then().statusCode(200).extract().asString());
    }

    private static List<Map<String, Object>> items(JsonPath page) {
        return page.getList("items");
    }

    private static List<String> names(JsonPath page) {
        return page.getList("items.name");
    }

    @Test
    void a_rep_sees_only_their_own_customers_with_contacts_in_clear() {
        JsonPath page = directory(TestUsers.alice(), "");
        assertEquals(List.of(tag + " Alice Pumps"), names(page));
        assertEquals(1, page.getInt("total"));
        assertEquals(false, page.get("items[0].masked"));
        assertEquals("Li Wei", page.get("items[0].contacts[0].name"));
        assertEquals("+86 138 0013 8000", page.get("items[0].contacts[0].phone"));
        assertEquals("91330200MA2AB3CD4E", page.get("items[0].registrationId"));
    }

    @Test
    void a_manager_sees_their_teams_customers_in_clear_and_no_other_team() {
        JsonPath page = directory(TestUsers.mike(), "");
        assertEquals(List.of(tag + " Alice Pumps", tag + " Bob Valves"), names(page));
        items(page).forEach(c -> assertEquals(false, c.get("masked"), c.toString()));
        assertEquals("li.wei@pumps.example", page.get("items[1].contacts[0].email"));
        given().auth().oauth2(TestUsers.mike()).when().get("/api/v1/reports/customers?team=west-1")
                .then().statusCode(403).contentType("application/problem+json").body("violations.field", hasItem("team"));
    }

    @Test
    void a_rep_naming_another_team_is_403() {
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/reports/customers?team=west-1")
                .then().statusCode(403).body("violations.field", hasItem("team"));
    }

    @Test
    void directors_executives_admins_and_the_data_steward_see_every_customer_masked() {
        for (String token : List.of(TestUsers.diana(), TestUsers.erin(), TestUsers.admin(), TestUsers.dora())) {
            JsonPath page = directory(token, "");
            assertEquals(List.of(tag + " Alice Pumps", tag + " Bob Valves", tag + " Cindy Gears"), names(page));
            for (Map<String, Object> c : items(page)) {
                assertEquals(true, c.get("masked"), c.toString());
                @SuppressWarnings("unchecked")
                Map<String, Object> contact = ((List<Map<String, Object>>) c.get("contacts")).get(0);
                assertEquals("L*** W***", contact.get("name"));
                assertEquals("***8000", contact.get("phone"));
                assertEquals("l***@pumps.example", contact.get("email"));
                assertEquals("***CD4E", c.get("registrationId"));
                assertFalse(c.toString().contains("Li Wei"), c.toString());
                assertTrue(((String) c.get("email")).startsWith("i***@"), c.toString());
            }
        }
        // Narrowed to a team, still masked.
        JsonPath west = directory(TestUsers.diana(), "&team=west-1");
        assertEquals(List.of(tag + " Cindy Gears"), names(west));
    }

    @Test
    void functional_roles_are_403_and_no_token_is_401() {
        given().auth().oauth2(TestUsers.fiona()).when().get("/api/v1/reports/customers").then().statusCode(403);
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/reports/customers").then().statusCode(403);
        given().when().get("/api/v1/reports/customers").then().statusCode(401);
    }

    @Test
    void a_bad_page_size_is_400_naming_size() {
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/customers?size=500")
                .then().statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.containsString("size")));
        given().auth().oauth2(TestUsers.diana()).when().get("/api/v1/reports/customers?q=" + tag + "&size=1")
                .then().statusCode(200).body("total", equalTo(3)).body("items.size()", equalTo(1));
    }
}
