package com.salesaffairs.reporting.domain;

import java.util.List;

import jakarta.persistence.Query;

import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.problem.Violation;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Whose facts a caller's reports add up (issue 15, "every read is scoped"): a sales rep their own
 * facts, a sales manager their team's, a director, executive, admin or data steward everyone's or
 * the one team they ask for. A rep or manager asking for another team is refused (403) rather than
 * silently given their own figures, so that a dashboard never shows a team's label over a rep's
 * numbers. A manager without a team claim, and any other role, reaches nothing rather than everything.
 *
 * <p>Queries apply it through {@link #sql(String, String)} and {@link #bind(Query)}, so that every
 * report filters the same way: by owner when {@link #ownerId()} is set (a rep's own facts, whichever
 * team they were in when the fact happened), otherwise by team unless {@link #everyTeam()}.
 *
 * @param everyTeam all teams are counted
 * @param team the only team counted (for a rep: the rep's team claim, informative only), or null
 * @param ownerId the only owner (rep) counted, or null for every owner
 */
public record TeamReach(boolean everyTeam, String team, String ownerId) {

    /** Everything: the reach of a director with no team asked for. */
    public static final TeamReach ALL = new TeamReach(true, null, null);

    /** The caller's whole reach, no team asked for. */
    public static TeamReach of(Scope caller) {
        return of(caller, null);
    }

    /**
     * The caller's reach narrowed to {@code requestedTeam} (null or blank: no narrowing).
     *
     * @throws ApiProblem 403 naming {@code team} when a rep or manager asks for a team that is not theirs
     */
    public static TeamReach of(Scope caller, String requestedTeam) {
        String asked = requestedTeam == null || requestedTeam.isBlank() ? null : requestedTeam.trim();
        if (caller.seesAllAs(Roles.DATA_STEWARD)) {
            return asked == null ? ALL : new TeamReach(false, asked, null);
        }
        if (caller.hasRole(Roles.SALES_MANAGER)) {
            refuseOtherTeam(caller, asked);
            return new TeamReach(false, caller.team(), null);
        }
        if (caller.hasRole(Roles.SALES_REP) && caller.userId() != null) {
            refuseOtherTeam(caller, asked);
            return new TeamReach(false, caller.team(), caller.userId());
        }
        return new TeamReach(false, null, null);
    }

    private static void refuseOtherTeam(Scope caller, String asked) {
        if (asked != null && !asked.equals(caller.team())) {
            String detail = "team '" + asked + "' is not your team; you may read "
                    + (caller.hasRole(Roles.SALES_MANAGER) ? "your team's" : "your own") + " figures only";
            throw new ApiProblem(403, "forbidden", "Forbidden", detail, null,
                    List.of(new Violation("team", "is not your team")));
        }
    }

    /** True when no fact can be in reach, so there is nothing to query. */
    public boolean none() {
        return !everyTeam && team == null && ownerId == null;
    }

    /** A rep's reach: their own facts only. */
    public boolean ownOnly() {
        return ownerId != null;
    }

    /**
     * The SQL condition for this reach, starting with {@code " AND "}, or {@code ""} when everything is
     * in reach. Binds {@code :reachOwner} or {@code :reachTeam} (see {@link #bind(Query)}).
     *
     * @param teamColumn the fact's team column, e.g. {@code f.team}; never caller text
     * @param ownerColumn the fact's owner column, e.g. {@code f.owner_id}; never caller text
     */
    public String sql(String teamColumn, String ownerColumn) {
        if (ownerId != null) {
            return " AND " + ownerColumn + " = :reachOwner";
        }
        if (!everyTeam) {
            return " AND " + teamColumn + " = :reachTeam";
        }
        return "";
    }

    /** Binds the parameters {@link #sql(String, String)} named; a query without that condition is left alone. */
    public Query bind(Query q) {
        if (ownerId != null) {
            q.setParameter("reachOwner", ownerId);
        } else if (!everyTeam) {
            q.setParameter("reachTeam", team);
        }
        return q;
    }
}
