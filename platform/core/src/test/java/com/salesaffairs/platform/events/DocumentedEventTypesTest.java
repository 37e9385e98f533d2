package com.salesaffairs.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DocumentedEventTypesTest {

    @Test
    void message_names_of_an_asyncapi_document_are_its_event_types_and_nothing_else_is() {
        DocumentedEventTypes types = DocumentedEventTypes.of("""
                asyncapi: 3.0.0
                info:
                  title: order-service events
                channels:
                  orderEvents:
                    address: sales.order.events
                components:
                  messages:
                    settled:
                      name: sales.order.settled.v1
                      payload:
                        $ref: 'schemas/sales.order.settled.v1.json'
                    policyChanged:
                      name: 'sales.policy.changed.v1'
                      payload:
                        properties:
                          name: {type: string}
                """);
        assertEquals(Set.of("sales.order.settled.v1", "sales.policy.changed.v1"), types.types());
    }
}
