package com.salesaffairs.platform.openapi;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.salesaffairs.platform.problem.Problem;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Completes every service's OpenAPI document with what the platform answers on its behalf, so a
 * generated client knows every body it can receive: each 4xx answer is an RFC 9457 problem, an
 * operation with input can answer 400, one with a path parameter 404, one with {@code If-Match} 412,
 * and a 201 carries {@code Location} and {@code ETag}. What is specific to an operation (its success
 * schema, its 409 and 422 rules) is declared on the operation itself.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ProblemResponses implements OASFilter {
    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        api.getComponents().addSchema(VIOLATION, violationSchema());
        api.getComponents().addSchema(PROBLEM, problemSchema());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem item : api.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                complete(operation, parameters(item, operation));
            }
        }
    }

    private static void complete(Operation operation, List<Parameter> parameters) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (operation.getRequestBody() != null || parameters.stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            addIfAbsent(responses, "400", "Invalid input: each invalid field, parameter or header is named in"
                    + " violations");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404", "Unknown, or not visible to the caller");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))) {
            addIfAbsent(responses, "412", "If-Match does not name the current version (the ETag)");
        }
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            String code = response.getKey();
            if (code.startsWith("4") || code.startsWith("5")) {
                if (response.getValue().getContent() == null || response.getValue().getContent().getMediaTypes().isEmpty()) {
                    response.getValue().setContent(problemContent());
                }
            } else if (code.equals("201")) {
                addHeaderIfAbsent(response.getValue(), "Location", "Where the created resource is read");
                addHeaderIfAbsent(response.getValue(), "ETag", "The created resource's version, for If-Match");
            }
        }
    }

    private static List<Parameter> parameters(PathItem item, Operation operation) {
        return Stream.concat(Optional.ofNullable(item.getParameters()).orElse(List.of()).stream(),
                Optional.ofNullable(operation.getParameters()).orElse(List.of()).stream()).toList();
    }

    private static void addIfAbsent(APIResponses responses, String code, String description) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static void addHeaderIfAbsent(APIResponse response, String name, String description) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            Header header = OASFactory.createHeader().description(description)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
            response.addHeader(name, header);
        }
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; rule names the business rule a 422 broke, violations the"
                        + " invalid fields of a 400")
                .addProperty("type", string("A URI identifying the kind of problem").format("uri"))
                .addProperty("title", string("A short summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").description("The HTTP status"))
                .addProperty("detail", string("What went wrong with this request"))
                .addProperty("instance", string("The request path"))
                .addProperty("rule", string("The business rule broken (422), e.g. order.discount-cap"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + VIOLATION)))
                .required(List.of("type", "title", "status"));
    }

    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid field, query parameter or header of a request")
                .addProperty("field", string("The field's JSON path, parameter or header name"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
