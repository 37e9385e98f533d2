package com.salesaffairs.platform.security;

import java.util.Set;

/**
 * Who the caller is and what records they may see (docs/security.md): a rep their own, a manager
 * their team's, a director, executive or admin everything. Functional roles (finance, warehouse...)
 * are granted per work queue by the service, through {@link #seesAllAs(String...)}.
 */
public record Scope(String userId, String username, String team, String region, Set<String> roles) {

    private static final Set<String> SEE_ALL = Set.of(Roles.SALES_DIRECTOR, Roles.EXECUTIVE, Roles.ADMIN);

    public Scope {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** Director, executive or admin. */
    public boolean seesAll() {
        return roles.stream().anyMatch(SEE_ALL::contains);
    }

    /** Sees everything, or holds one of the functional roles that see the whole queue. */
    public boolean seesAllAs(String... functionalRoles) {
        return seesAll() || hasAnyRole(functionalRoles);
    }

    public boolean managesTeam(String recordTeam) {
        return hasRole(Roles.SALES_MANAGER) && team != null && team.equals(recordTeam);
    }

    /** May the caller see a record owned by {@code ownerId} in {@code ownerTeam}? */
    public boolean sees(String ownerId, String ownerTeam) {
        return seesAll() || managesTeam(ownerTeam) || (userId != null && userId.equals(ownerId));
    }

    /** A team filter that matches no record: for a caller without a team who does not see everything. */
    public static final String NO_TEAM = "~no team~";

    /** The team filter for lists: null means every team; a caller without a team matches none. */
    public String teamFilter() {
        if (seesAll()) {
            return null;
        }
        return team == null ? NO_TEAM : team;
    }

    /** The owner filter for lists: only reps without a wider role are limited to their own records. */
    public String ownerFilter() {
        return seesAll() || hasRole(Roles.SALES_MANAGER) ? null : userId;
    }
}
