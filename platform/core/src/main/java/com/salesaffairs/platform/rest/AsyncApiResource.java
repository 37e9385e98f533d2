package com.salesaffairs.platform.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** Serves the service's AsyncAPI document (its events in and out) from {@code asyncapi.yaml} on the classpath. */
@Path("/asyncapi.yaml")
@PermitAll
public class AsyncApiResource {
    @GET
    @Produces("application/yaml")
    @Operation(summary = "The AsyncAPI document of the events this service publishes and consumes")
    public Response document() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes()).build();
        }
    }
}
