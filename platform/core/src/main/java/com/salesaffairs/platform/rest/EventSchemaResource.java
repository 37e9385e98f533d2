package com.salesaffairs.platform.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves the JSON Schema of each event type from {@code schemas/} on the classpath, where the
 * AsyncAPI document's relative {@code $ref}s point, so a consumer can resolve the document it reads.
 */
@Path("/schemas")
@PermitAll
public class EventSchemaResource {
    @GET
    @Path("/{name: [a-z0-9][a-z0-9.\\-]*\\.json}")
    @Produces("application/schema+json")
    @Operation(summary = "The JSON Schema of one event type this service publishes")
    public Response schema(@PathParam("name") String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("schemas/" + name)) {
            if (in == null) {
                return Response.status(404).build();
            }
            return Response.ok(in.readAllBytes()).build();
        }
    }
}
