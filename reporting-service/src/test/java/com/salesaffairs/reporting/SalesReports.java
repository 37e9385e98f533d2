package com.salesaffairs.reporting;

import static io.restassured.RestAssured.given;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.salesaffairs.platform.testing.EventProbe;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Sales reports through the API, as a rep's and a manager's client would send them. */
final class SalesReports {
    static final String PATH = "/api/v1/sales-reports";
    static final String REPORTING_TOPIC = "sales.reporting.events";

    private SalesReports() {
    }

    static String body(String kind, String period) {
        return "{\"kind\":\"" + kind + "\",\"period\":\"" + period + "\",\"summary\":\"Two renewals, one tender lost\","
                + "\"highlights\":\"Hangzhou water works renewed\",\"risks\":\"Suzhou distributor pays late\","
                + "\"nextSteps\":\"Visit Suzhou on Tuesday\"}";
    }

    static ValidatableResponse draft(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post(PATH).then();
    }

    /** Drafts a complete report and returns its id. */
    static String drafted(String token, String kind, String period) {
        return draft(token, body(kind, period)).statusCode(201).extract().path("id");
    }

    static ValidatableResponse submit(String token, String id) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).when().post(PATH + "/" + id + "/submit").then();
    }

    static ValidatableResponse review(String token, String id, String comment) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"comment\":\"" + comment + "\"}")
                .when().post(PATH + "/" + id + "/review").then();
    }

    static ValidatableResponse get(String token, String id) {
        return given().auth().oauth2(token).when().get(PATH + "/" + id).then();
    }

    /** Validates an event's payload against the JSON Schema reporting publishes for its type (draft 2020-12). */
    static void assertMatchesSchema(EventProbe.Received event) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (var in = SalesReports.class.getClassLoader().getResourceAsStream("schemas/" + event.type() + ".json")) {
            if (in == null) {
                throw new AssertionError("no schema for " + event.type());
            }
            JsonSchema schema = factory.getSchema(in);
            Set<ValidationMessage> errors = schema.validate(new ObjectMapper().readTree(event.value()));
            if (!errors.isEmpty()) {
                throw new AssertionError(event.type() + " does not match its schema: " + errors + " in " + event.value());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
