package com.salesaffairs.performance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

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
}
