package com.salesaffairs.aftersales.domain;

import java.util.List;

import com.salesaffairs.platform.security.Roles;

/**
 * One step of the {@code aftersales.sla} escalation chain and who it reaches: the after-sales agents,
 * the manager of the customer's team, the sales director(s), or the executives.
 */
public enum EscalationStep {
    AFTERSALES_AGENT("aftersales-agent", Roles.AFTERSALES_AGENT, false),
    TEAM_MANAGER("team-manager", Roles.SALES_MANAGER, true),
    SALES_DIRECTOR("sales-director", Roles.SALES_DIRECTOR, false),
    EXECUTIVE("executive", Roles.EXECUTIVE, false);

    public static final List<String> NAMES = List.of("aftersales-agent", "team-manager", "sales-director", "executive");

    private final String policyName;
    private final String role;
    private final boolean teamScoped;

    EscalationStep(String policyName, String role, boolean teamScoped) {
        this.policyName = policyName;
        this.role = role;
        this.teamScoped = teamScoped;
    }

    public static EscalationStep of(String policyName) {
        for (EscalationStep s : values()) {
            if (s.policyName.equals(policyName)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown escalation step " + policyName);
    }

    public String policyName() {
        return policyName;
    }

    /** The role the step reaches. */
    public String role() {
        return role;
    }

    /** The team it reaches: the case's team for the team manager, none (everyone in the role) otherwise. */
    public String teamFor(String caseTeam) {
        return teamScoped ? caseTeam : null;
    }
}
