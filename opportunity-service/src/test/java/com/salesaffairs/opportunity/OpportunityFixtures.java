package com.salesaffairs.opportunity;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.salesaffairs.platform.testing.EventProbe;

import io.restassured.http.ContentType;

/** Customers, opportunities and event checks the opportunity tests share. */
final class OpportunityFixtures {
    static final String TOPIC = "sales.opportunity.events";

    private OpportunityFixtures() {
    }

    static String customer(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Customer " + UUID.randomUUID() + "\",\"country\":\"CN\",\"city\":\"Ningbo\"}")
                .when().post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    static String captureBody(String customerId) {
        return "{\"customerId\":\"" + customerId + "\",\"title\":\"Pump upgrade\",\"source\":\"MARKET_RESEARCH\","
                + "\"productsOfInterest\":[\"PUMP-200\",\"Valves\"],\"estimatedAmount\":1000.00}";
    }

    /** An opportunity captured by the token's user for a customer of theirs (or their team's). */
    static String capture(String token, String customerId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(captureBody(customerId))
                .when().post("/api/v1/opportunities").then().statusCode(201).extract().path("id");
    }

    static String etag(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/opportunities/" + id).then().statusCode(200)
                .extract().header("ETag");
    }

    static EventProbe.Received event(String id, String type) {
        return EventProbe.await(TOPIC, r -> id.equals(r.key()) && type.equals(r.type()), Duration.ofSeconds(20));
    }

    /** The payload is valid against the schema the service publishes for its type. */
    static JsonNode assertMatchesSchema(EventProbe.Received event) throws Exception {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (var in = OpportunityFixtures.class.getClassLoader().getResourceAsStream("schemas/" + event.type() + ".json")) {
            assertNotNull(in, "no schema for " + event.type());
            JsonSchema schema = factory.getSchema(in);
            JsonNode payload = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readTree(event.value());
            Set<ValidationMessage> errors = schema.validate(payload);
            assertTrue(errors.isEmpty(), event.type() + " breaks its schema: " + errors + " in " + event.value());
            return payload;
        }
    }
}
