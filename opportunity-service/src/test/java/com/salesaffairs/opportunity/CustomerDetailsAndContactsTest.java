package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.testing.EventProbe;
import com.salesaffairs.platform.testing.SalesTestEnvironment;
import com.salesaffairs.platform.testing.TestUsers;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A customer is one legal entity company-wide, with its segment, region, address and the people to talk to. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class CustomerDetailsAndContactsTest {
    private static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static String uscc() {
        StringBuilder id = new StringBuilder("91");
        for (int i = 0; i < 6; i++) {
            id.append(ThreadLocalRandom.current().nextInt(10));
        }
        for (int i = 0; i < 10; i++) {
            id.append(USCC_CHARS.charAt(ThreadLocalRandom.current().nextInt(USCC_CHARS.length())));
        }
        return id.toString();
    }

    private static String body(String name, String extra) {
        return "{\"name\":\"" + name + "\",\"industry\":\"Machinery\",\"country\":\"CN\",\"city\":\"Ningbo\"" + extra + "}";
    }

    private static String register(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/api/v1/customers")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void a_second_customer_with_the_same_registration_id_is_409_naming_the_first_even_in_another_team_or_case() {
        String code = uscc();
        String first = register(TestUsers.alice(), body("Registered " + UUID.randomUUID(),
                ",\"registrationId\":\"" + code.toLowerCase() + "\""));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers/" + first)
                .then().statusCode(200).body("registrationId", equalTo(code));
        given().auth().oauth2(TestUsers.cindy()).contentType(ContentType.JSON)
                .body(body("Namesake " + UUID.randomUUID(), ",\"registrationId\":\"" + code + "\""))
                .when().post("/api/v1/customers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("rule", equalTo("customer.registration-id-unique")).body("detail", containsString(first));
        // Changing another customer to the taken id is refused the same way.
        String other = register(TestUsers.alice(), body("Other " + UUID.randomUUID(), ""));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body("Other renamed " + UUID.randomUUID(), ",\"registrationId\":\"" + code + "\""))
                .when().put("/api/v1/customers/" + other)
                .then().statusCode(409).body("detail", containsString(first));
        // Customers without an id are never compared.
        register(TestUsers.alice(), body("No id A " + UUID.randomUUID(), ""));
        register(TestUsers.alice(), body("No id B " + UUID.randomUUID(), ""));
    }

    @Test
    void a_registration_id_that_does_not_fit_the_country_and_an_unknown_segment_are_400_naming_the_field() {
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body("Bad USCC " + UUID.randomUUID(), ",\"registrationId\":\"12345\""))
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("registrationId"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"name\":\"German " + UUID.randomUUID() + "\",\"country\":\"DE\",\"registrationId\":\"HRB 1\"}")
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("registrationId"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body("Bad segment " + UUID.randomUUID(), ",\"segment\":\"HUGE\""))
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("segment"));
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body(body("Segment by position " + UUID.randomUUID(), ",\"segment\":0"))
                .when().post("/api/v1/customers")
                .then().statusCode(400).body("violations.field", hasItem("segment"));
    }

    @Test
    void an_update_that_omits_the_new_details_keeps_them_and_one_that_names_them_replaces_them() throws Exception {
        String code = uscc();
        String id = register(TestUsers.alice(), body("Keeps " + UUID.randomUUID(), ",\"registrationId\":\"" + code
                + "\",\"segment\":\"ENTERPRISE\",\"address\":\"1 Harbour Rd\""));
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers/" + id)
                .then().body("region", equalTo("east")).body("segment", equalTo("ENTERPRISE"));
        // A client written before these details existed sends only name to phone.
        String renamed = "Keeps renamed " + UUID.randomUUID();
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + renamed + "\",\"country\":\"CN\"}")
                .when().put("/api/v1/customers/" + id)
                .then().statusCode(200).body("name", equalTo(renamed)).body("registrationId", equalTo(code))
                .body("segment", equalTo("ENTERPRISE")).body("address", equalTo("1 Harbour Rd"))
                .body("region", equalTo("east")).body("industry", nullValue());
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON)
                .body("{\"name\":\"" + renamed + "\",\"country\":\"CN\",\"segment\":\"PUBLIC_SECTOR\",\"region\":\"north\"}")
                .when().put("/api/v1/customers/" + id)
                .then().statusCode(200).body("segment", equalTo("PUBLIC_SECTOR")).body("region", equalTo("north"))
                .body("registrationId", equalTo(code));

        JsonNode registered = OpportunityFixtures.assertMatchesSchema(OpportunityFixtures.event(id,
                "sales.customer.registered.v1"));
        assertEquals(code, registered.path("registrationId").asText());
        assertEquals("ENTERPRISE", registered.path("segment").asText());
        EventProbe.Received updated = EventProbe.await(OpportunityFixtures.TOPIC, r -> id.equals(r.key())
                && "sales.customer.updated.v1".equals(r.type()) && r.value().contains("PUBLIC_SECTOR"), Duration.ofSeconds(20));
        JsonNode payload = OpportunityFixtures.assertMatchesSchema(updated);
        assertEquals("north", payload.path("region").asText());
        assertEquals("1 Harbour Rd", payload.path("address").asText());
    }

    @Test
    void contacts_are_added_by_who_may_change_the_customer_and_read_by_who_sees_it() throws Exception {
        String customer = register(TestUsers.alice(), body("Contacts " + UUID.randomUUID(), ""));
        String contact = "{\"name\":\"Li Wei\",\"title\":\"Purchasing\",\"phone\":\"+86 574 1\",\"email\":\"li@acme.example\"}";
        String location = given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body(contact)
                .when().post("/api/v1/customers/" + customer + "/contacts")
                .then().statusCode(201).body("name", equalTo("Li Wei")).body("customerId", equalTo(customer))
                .extract().header("Location");
        given().auth().oauth2(TestUsers.mike()).when().get(location).then().statusCode(200).body("title", equalTo("Purchasing"));
        given().auth().oauth2(TestUsers.mike()).contentType(ContentType.JSON).body("{\"name\":\"Zhang Min\"}")
                .when().post("/api/v1/customers/" + customer + "/contacts").then().statusCode(201);
        given().auth().oauth2(TestUsers.bob()).contentType(ContentType.JSON).body(contact)
                .when().post("/api/v1/customers/" + customer + "/contacts").then().statusCode(404);
        given().auth().oauth2(TestUsers.wendy()).when().get("/api/v1/customers/" + customer + "/contacts").then().statusCode(404);
        given().auth().oauth2(TestUsers.sam()).contentType(ContentType.JSON).body(contact)
                .when().post("/api/v1/customers/" + customer + "/contacts").then().statusCode(403);
        given().contentType(ContentType.JSON).body(contact)
                .when().post("/api/v1/customers/" + customer + "/contacts").then().statusCode(401);
        given().auth().oauth2(TestUsers.alice()).contentType(ContentType.JSON).body("{\"title\":\"x\",\"email\":\"nope\"}")
                .when().post("/api/v1/customers/" + customer + "/contacts")
                .then().statusCode(400).body("violations.field", hasItem("name")).body("violations.field", hasItem("email"));
        given().auth().oauth2(TestUsers.sam()).when().get("/api/v1/customers/" + customer + "/contacts?size=1")
                .then().statusCode(200).body("total", equalTo(2)).body("items[0].name", equalTo("Li Wei"));
        // Each contact added is a customer change: a new version with every contact so far, for reporting's copy.
        EventProbe.Received second = EventProbe.await(OpportunityFixtures.TOPIC, r -> customer.equals(r.key())
                && "sales.customer.updated.v1".equals(r.type()) && r.value().contains("Zhang Min"), Duration.ofSeconds(20));
        JsonNode payload = OpportunityFixtures.assertMatchesSchema(second);
        assertEquals(2, payload.path("contacts").size(), payload.toString());
        assertEquals("Li Wei", payload.path("contacts").path(0).path("name").asText());
        assertEquals("Purchasing", payload.path("contacts").path(0).path("title").asText());
        assertEquals("+86 574 1", payload.path("contacts").path(0).path("phone").asText());
        assertEquals("li@acme.example", payload.path("contacts").path(0).path("email").asText());
        assertEquals("Zhang Min", payload.path("contacts").path(1).path("name").asText());
        JsonNode first = OpportunityFixtures.assertMatchesSchema(
                OpportunityFixtures.event(customer, "sales.customer.registered.v1"));
        long registered = first.path("version").asLong();
        assertEquals(0, first.path("contacts").size(), "registered before any contact");
        assertEquals(registered + 2, payload.path("version").asLong(), "one new version per contact added");
        given().auth().oauth2(TestUsers.alice()).when().get("/api/v1/customers/" + customer)
                .then().statusCode(200).header("ETag", containsString(Long.toString(registered + 2)));
        // The refused additions published nothing: one registration and two updates.
        assertEquals(3, EventProbe.all(OpportunityFixtures.TOPIC, r -> customer.equals(r.key()), Duration.ofSeconds(2))
                .size());
    }
}
