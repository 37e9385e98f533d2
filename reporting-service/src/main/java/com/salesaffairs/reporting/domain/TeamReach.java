package com.salesaffairs.reporting.domain;

import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Whose facts a caller's reports add up: a sales manager their team's, a director, executive, admin or
 * data steward everyone's. A manager without a team sees nothing rather than everything.
 *
 * @param team the only team counted, or null for every team
 */
public record TeamReach(boolean everyTeam, String team) {

    public static TeamReach of(Scope caller) {
        if (caller.seesAllAs(Roles.DATA_STEWARD)) {
            return new TeamReach(true, null);
        }
        if (caller.hasRole(Roles.SALES_MANAGER) && caller.team() != null) {
            return new TeamReach(false, caller.team());
        }
        return new TeamReach(false, null);
    }

    /** True when no fact can be in reach, so there is nothing to query. */
    public boolean none() {
        return !everyTeam && team == null;
    }
}
