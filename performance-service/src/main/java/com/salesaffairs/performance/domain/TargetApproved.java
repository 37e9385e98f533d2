package com.salesaffairs.performance.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code sales.target.approved.v1}: a target as it now stands, after a director or manager set it or
 * a manager approved a rep's proposal. Absolute figures: a consumer keeps the latest version per targetId.
 */
public record TargetApproved(UUID targetId, String level, String subject, String team, String region, String period,
        String periodKind, String currency, BigDecimal amount, List<Month> monthlySplit, int version,
        String approvedBy, UUID proposalId, boolean adjusted, Instant approvedAt) {
    public static final String TYPE = "sales.target.approved.v1";

    public record Month(String month, BigDecimal amount) {
    }

    public static TargetApproved of(Target t, boolean adjusted) {
        return new TargetApproved(t.id(), t.level().name(), t.subject(), t.team(), t.region(), t.period().toString(),
                t.period().kind().name(), t.currency(), t.amount(), t.monthlySplit().entrySet().stream()
                        .map(m -> new Month(m.getKey().toString(), m.getValue())).toList(),
                t.version(), t.setBy(), t.proposalId(), adjusted, t.updatedAt());
    }
}
