package com.salesaffairs.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.salesaffairs.platform.testing.OpenApiContract;
import com.salesaffairs.platform.testing.SalesTestEnvironment;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Frontend teams generate their clients from the served OpenAPI document: it must describe every answer. */
@QuarkusTest
@WithTestResource(SalesTestEnvironment.class)
class ContractDocumentsTest {

    @Test
    void every_operation_declares_its_success_schema_its_problems_and_a_request_example() {
        assertEquals(List.of(), OpenApiContract.gaps(OpenApiContract.servedDocument()));
    }

    @Test
    void every_schema_the_asyncapi_document_refers_to_is_served_beside_it() {
        String document = given().when().get("/asyncapi.yaml").then().statusCode(200).extract().asString();
        Matcher refs = Pattern.compile("\\$ref: '(schemas/([a-z0-9.\\-]+)\\.json)'").matcher(document);
        List<String> types = new ArrayList<>();
        while (refs.find()) {
            types.add(refs.group(2));
            given().when().get("/" + refs.group(1)).then().statusCode(200)
                    .body("title", equalTo(refs.group(2)))
                    .body("$id", equalTo("urn:salesaffairs:event:" + refs.group(2)));
        }
        assertTrue(types.contains("sales.order.settled.v1") && types.contains("sales.order.refunded.v1"), types.toString());
        given().when().get("/schemas/sales.order.unknown.v1.json").then().statusCode(404);
        given().when().get("/schemas/..%2Fapplication.properties").then().statusCode(404);
    }
}
