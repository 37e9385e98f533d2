package com.salesaffairs.reporting.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.security.Scope;

/**
 * The rules of {@code reporting.export} from version 2 (policy 5: sales data is confidential; data for
 * outside parties is reviewed and approved by the relevant departments): which export fields are
 * sensitive and so need a second approver, which directory fields are masked for roles that do not
 * work with the customer, and how long and how often an export's link works.
 *
 * @param version the policy version these rules come from, stamped on each export request
 */
public record ExportPolicy(int version, Set<String> sensitiveFields, Set<String> maskedFields, Set<String> unmaskedRoles,
        String approverRole, String sensitiveApproverRole, int expiresAfterHours, int maxDownloads) {

    public ExportPolicy {
        sensitiveFields = Set.copyOf(sensitiveFields);
        maskedFields = Set.copyOf(maskedFields);
        unmaskedRoles = Set.copyOf(unmaskedRoles);
    }

    /** Reads content that passed the policy's schema (version 2 and later). */
    public static ExportPolicy from(int version, JsonNode content) {
        JsonNode link = content.path("link");
        return new ExportPolicy(version, texts(content.path("sensitiveFields")), texts(content.path("maskedFields")),
                texts(content.path("unmaskedRoles")), content.path("approverRole").asText(),
                content.path("sensitiveApproverRole").asText(), link.path("expiresAfterHours").asInt(),
                link.path("maxDownloads").asInt());
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** The requested fields that are sensitive, in the request's order. */
    public List<String> sensitiveAmong(List<String> fields) {
        return fields.stream().filter(sensitiveFields::contains).toList();
    }

    /**
     * Whether the caller sees a customer's masked fields in clear: only a role of {@link #unmaskedRoles}
     * that works with this customer (a rep who owns it, a manager of its team). Everyone else, directors
     * and the data steward included, sees them masked: they read the directory for oversight, not to call
     * the customer's people.
     */
    public boolean seesInClear(Scope caller, String ownerId, String team) {
        boolean owner = caller.hasRole("sales-rep") && unmaskedRoles.contains("sales-rep")
                && caller.userId() != null && caller.userId().equals(ownerId);
        boolean manager = unmaskedRoles.contains("sales-manager") && caller.managesTeam(team);
        return owner || manager;
    }

    public boolean masks(String field) {
        return maskedFields.contains(field);
    }
}
