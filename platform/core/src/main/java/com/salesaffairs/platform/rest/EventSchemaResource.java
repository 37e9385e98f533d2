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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.problem.ApiProblem;

/**
 * Serves the JSON Schema of each event type from {@code schemas/} on the classpath, where the
 * AsyncAPI document's relative {@code $ref}s point, so a consumer can resolve the document it reads.
 */
@Path("/schemas")
@PermitAll
@Tag(name = "contracts", description = "The event documents this service publishes")
public class EventSchemaResource {
    @GET
    @Path("/{name: [a-z0-9][a-z0-9.\\-]*\\.json}")
    @Produces("application/schema+json")
    @Operation(operationId = "getEventSchema", summary = "The JSON Schema of one event type this service publishes")
    @APIResponse(responseCode = "200", description = "the JSON Schema (draft 2020-12) of the event type",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    public Response schema(@PathParam("name") String name) throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("schemas/" + name)) {
            if (in == null) {
                throw ApiProblem.notFound("event schema", name);
            }
            return Response.ok(in.readAllBytes()).build();
        }
    }
}
