package com.salesaffairs.platform.rest;

import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.salesaffairs.platform.problem.ApiProblem;

/** Serves the service's AsyncAPI document (its events in and out) from {@code asyncapi.yaml} on the classpath. */
@Path("/asyncapi.yaml")
@PermitAll
@Tag(name = "contracts", description = "The event documents this service publishes")
public class AsyncApiResource {
    @GET
    @Produces("application/yaml")
    @Operation(operationId = "getAsyncApiDocument", summary = "The AsyncAPI document of the events this service publishes and consumes")
    @APIResponse(responseCode = "200", description = "the AsyncAPI 3.0 document (YAML)",
            content = @Content(schema = @Schema(type = SchemaType.STRING)))
    public Response document() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("asyncapi.yaml")) {
            if (in == null) {
                throw ApiProblem.notFound("document", "asyncapi.yaml");
            }
            return Response.ok(in.readAllBytes()).build();
        }
    }
}
