package com.salesaffairs.reporting.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.reporting.domain.ReportingPolicies;

/**
 * The JSON Schema that drafts of {@code reporting.export} are validated against (issue 15: give the key
 * a JSON Schema), published with the code in {@code policy-schemas/reporting.export.json}, followed by
 * the cross-field rules a schema cannot state. Violations name the field as the policy store expects
 * ({@code link.maxDownloads}, {@code sensitiveFields[2]}), the store prefixes {@code content.}.
 */
public final class ExportPolicySchema {
    static final String RESOURCE = "policy-schemas/reporting.export.json";

    private final JsonSchema schema;

    public ExportPolicySchema() {
        try (InputStream in = ExportPolicySchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Violation> validate(JsonNode content) {
        List<Violation> violations = new ArrayList<>();
        schema.validate(content).stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> field(m)).thenComparing(ValidationMessage::getMessage))
                .forEach(m -> violations.add(new Violation(field(m), message(m))));
        if (violations.isEmpty()) {
            violations.addAll(ReportingPolicies.checkExport(content));
        }
        return violations;
    }

    /** "$.link.maxDownloads" → "link.maxDownloads"; a missing or unknown property is named itself. */
    static String field(ValidationMessage m) {
        String at = m.getInstanceLocation().toString();
        String path = at.equals("$") ? "" : at.startsWith("$.") ? at.substring(2) : at.substring(1);
        if (("required".equals(m.getType()) || "additionalProperties".equals(m.getType())) && m.getProperty() != null) {
            return path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
        }
        return path.isEmpty() ? "content" : path;
    }

    /** The schema library's message without its "$.x: " location prefix, which the field already says. */
    static String message(ValidationMessage m) {
        String text = m.getMessage();
        int colon = text.indexOf(": ");
        return colon > 0 && text.startsWith("$") ? text.substring(colon + 2) : text;
    }
}
