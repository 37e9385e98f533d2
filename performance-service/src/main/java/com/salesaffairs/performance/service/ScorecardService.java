package com.salesaffairs.performance.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.KpiScoring;
import com.salesaffairs.performance.domain.Scorecard;
import com.salesaffairs.performance.domain.ScorecardInputs;
import com.salesaffairs.performance.domain.ScorecardOfRep;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.security.Scope;

/**
 * Scorecards of reps and teams from the KPI facts booked in a month (revenue_entry,
 * satisfaction_fact, report_fact, opportunity_outcome by booked_period) and the targets of
 * {@link TargetBook}, scored by {@link KpiScoring} with the {@code performance.kpi} version in force.
 * A closed month is read from appraisal_result / appraisal_ungraded as it was frozen, never recomputed.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ScorecardService {
    /** Every fact of a rep with the month it counts in, its team and region (null where the table has none). */
    private static final String FACTS = """
            SELECT rep_id, team, region, booked_period AS p, occurred_at AS at FROM revenue_entry
            UNION ALL SELECT rep_id, team, NULL, booked_period, answered_at FROM satisfaction_fact
            UNION ALL SELECT rep_id, team, NULL, booked_period, submitted_at FROM report_fact
            UNION ALL SELECT rep_id, team, region, booked_period, updated_at FROM opportunity_outcome
                WHERE booked_period IS NOT NULL""";

    private final EntityManager em;
    private final TargetBook targets;
    private final PolicyStore policies;
    private final ObjectMapper json;

    public ScorecardService(EntityManager em, TargetBook targets, PolicyStore policies, ObjectMapper json) {
        this.em = em;
        this.targets = targets;
        this.policies = policies;
        this.json = json;
    }

    /** A closed month as frozen. */
    public record Closed(KpiPeriod period, String closedBy, Instant closedAt, int policyVersion) {
    }

    public record TeamScorecard(String team, KpiPeriod period, Scorecard scorecard, List<ScorecardOfRep> ranking) {
    }

    /** The policy in force now, as the calculator reads it. */
    public KpiScoring.Policy activePolicy() {
        PolicyVersion v = policies.require(KpiScoring.POLICY_KEY);
        return KpiScoring.Policy.from(v.version, policies.read(v.content));
    }

    private KpiScoring.Policy policyVersion(int version) {
        PolicyVersion v = policies.version(KpiScoring.POLICY_KEY, version)
                .orElseThrow(() -> new IllegalStateException("performance.kpi version " + version + " is missing"));
        return KpiScoring.Policy.from(v.version, policies.read(v.content));
    }

    public Optional<Closed> closed(KpiPeriod period) {
        List<?> rows = em.createNativeQuery(
                "SELECT closed_by, closed_at, kpi_policy_version FROM appraisal_period WHERE period = :p")
                .setParameter("p", period.toString()).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new Closed(period, (String) row[0], instant(row[1]), ((Number) row[2]).intValue());
        });
    }

    /** A rep's month; 404 when the rep is outside the caller's scope (a manager's team decides by the rep's facts). */
    public ScorecardOfRep ofRep(String repId, KpiPeriod period, Scope caller) {
        Optional<Closed> closed = closed(period);
        if (closed.isPresent()) {
            Optional<ScorecardOfRep> frozen = frozen(period, closed.get(), repId, null).stream().findFirst();
            if (frozen.isPresent()) {
                requireVisible(frozen.get().repId(), frozen.get().team(), caller);
                return frozen.get();
            }
        }
        String[] teamRegion = teamOf(repId, period);
        requireVisible(repId, teamRegion[0], caller);
        KpiScoring.Policy policy = closed.map(c -> policyVersion(c.policyVersion())).orElseGet(this::activePolicy);
        Scorecard card = KpiScoring.score(inputs(period, List.of(repId)).getOrDefault(repId, ScorecardInputs.empty(period)),
                policy);
        return new ScorecardOfRep(repId, teamRegion[0], teamRegion[1],
                closed.map(c -> card.frozenAt(c.closedAt())).orElse(card));
    }

    private static void requireVisible(String repId, String team, Scope caller) {
        if (!caller.sees(repId, team)) {
            throw ApiProblem.notFound("scorecard of rep", repId);
        }
    }

    /**
     * A team's month: the team's own scorecard (its facts summed, against the team target) and its
     * reps ranked. The team's reps are those whose facts booked in the month carry the team, plus {@code alsoReps}.
     */
    public TeamScorecard ofTeam(String team, KpiPeriod period, Collection<String> alsoReps) {
        Optional<Closed> closed = closed(period);
        KpiScoring.Policy policy = closed.map(c -> policyVersion(c.policyVersion())).orElseGet(this::activePolicy);
        ScorecardInputs teamInputs = teamInputs(team, period);
        Scorecard teamCard = KpiScoring.score(teamInputs, policy);
        List<ScorecardOfRep> reps;
        if (closed.isPresent()) {
            reps = new ArrayList<>(frozen(period, closed.get(), null, team));
            Set<String> listed = new TreeSet<>();
            reps.forEach(r -> listed.add(r.repId()));
            for (String rep : alsoReps) {
                if (!listed.contains(rep)) {
                    reps.add(new ScorecardOfRep(rep, team, null,
                            KpiScoring.score(ScorecardInputs.empty(period), policy).frozenAt(closed.get().closedAt())));
                }
            }
        } else {
            Set<String> members = new LinkedHashSet<>(alsoReps);
            members.addAll(repsWithFacts(period, team));
            reps = score(period, members, policy);
        }
        reps.sort(ScorecardOfRep.RANKING);
        return new TeamScorecard(team, period, teamCard, List.copyOf(reps));
    }

    /** Every rep with facts in the month (of one team when {@code team} is set), best first. */
    public List<ScorecardOfRep> leaderboard(KpiPeriod period, String team) {
        Optional<Closed> closed = closed(period);
        List<ScorecardOfRep> reps = closed.isPresent() ? new ArrayList<>(frozen(period, closed.get(), null, team))
                : new ArrayList<>(score(period, repsWithFacts(period, team), activePolicy()));
        reps.sort(ScorecardOfRep.RANKING);
        return reps;
    }

    /** The scorecards of the month's reps with the given policy, computed now (what a close freezes). */
    public List<ScorecardOfRep> compute(KpiPeriod period, KpiScoring.Policy policy) {
        List<ScorecardOfRep> reps = new ArrayList<>(score(period, repsWithFacts(period, null), policy));
        reps.sort(ScorecardOfRep.RANKING);
        return reps;
    }

    private List<ScorecardOfRep> score(KpiPeriod period, Collection<String> repIds, KpiScoring.Policy policy) {
        if (repIds.isEmpty()) {
            return new ArrayList<>();
        }
        Map<String, ScorecardInputs> inputs = inputs(period, repIds);
        Map<String, String[]> teams = teamsOf(period, repIds);
        List<ScorecardOfRep> cards = new ArrayList<>();
        for (String rep : repIds) {
            String[] teamRegion = teams.containsKey(rep) ? teams.get(rep) : teamOf(rep, period);
            cards.add(new ScorecardOfRep(rep, teamRegion[0], teamRegion[1],
                    KpiScoring.score(inputs.getOrDefault(rep, ScorecardInputs.empty(period)), policy)));
        }
        return cards;
    }

    /** The reps with any fact booked in the month, of one team or of all. */
    @SuppressWarnings("unchecked")
    private List<String> repsWithFacts(KpiPeriod period, String team) {
        Query q = em.createNativeQuery("SELECT DISTINCT rep_id FROM (" + FACTS + ") f WHERE p = :p"
                + (team == null ? "" : " AND team = :team") + " ORDER BY rep_id")
                .setParameter("p", period.toString());
        if (team != null) {
            q.setParameter("team", team);
        }
        return (List<String>) q.getResultList();
    }

    /** Team and region of a rep: from the month's facts, else from the latest facts (kpi_fact included). */
    private String[] teamOf(String repId, KpiPeriod period) {
        List<?> rows = em.createNativeQuery("SELECT team, region FROM (" + FACTS
                + " UNION ALL SELECT rep_id, team, region, period, updated_at FROM kpi_fact) f"
                + " WHERE rep_id = :rep AND team IS NOT NULL ORDER BY (p = :p) DESC, p DESC, at DESC LIMIT 20")
                .setParameter("rep", repId).setParameter("p", period.toString()).getResultList();
        String team = null;
        String region = null;
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            if (team == null) {
                team = (String) row[0];
            }
            if (team.equals(row[0]) && region == null && row[1] != null) {
                region = (String) row[1];
            }
        }
        return new String[] { team, region };
    }

    /** Team and region of each rep from the month's facts: the latest fact that names them. */
    private Map<String, String[]> teamsOf(KpiPeriod period, Collection<String> repIds) {
        List<?> rows = em.createNativeQuery("SELECT rep_id, team, region FROM (" + FACTS + ") f"
                + " WHERE p = :p AND rep_id IN (:reps) AND team IS NOT NULL ORDER BY rep_id, at DESC")
                .setParameter("p", period.toString()).setParameter("reps", repIds).getResultList();
        Map<String, String[]> teams = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            String[] known = teams.computeIfAbsent((String) row[0], k -> new String[] { (String) row[1], null });
            if (known[1] == null && known[0].equals(row[1]) && row[2] != null) {
                known[1] = (String) row[2];
            }
        }
        return teams;
    }

    /** The inputs of each rep for the month, from every fact of the rep booked in it. */
    private Map<String, ScorecardInputs> inputs(KpiPeriod period, Collection<String> repIds) {
        Map<String, Partial> partials = new HashMap<>();
        gather(period, "rep_id", "rep_id IN (:reps)", "reps", repIds, partials);
        Map<String, ScorecardInputs> inputs = new HashMap<>();
        Map<String, BigDecimal> repTargets = repIds.size() == 1
                ? targets.ofRep(repIds.iterator().next(), period).map(t -> Map.of(repIds.iterator().next(), t)).orElse(Map.of())
                : targets.ofReps(period);
        partials.forEach((rep, p) -> inputs.put(rep, p.inputs(period, repTargets.get(rep))));
        for (String rep : repIds) {
            inputs.computeIfAbsent(rep, r -> new Partial().inputs(period, repTargets.get(r)));
        }
        return inputs;
    }

    /** The team's facts booked in the month, summed, against the team's target. */
    private ScorecardInputs teamInputs(String team, KpiPeriod period) {
        Map<String, Partial> partials = new HashMap<>();
        gather(period, "'team'", "team = :team", "team", team, partials);
        return partials.getOrDefault("team", new Partial()).inputs(period, targets.ofTeam(team, period).orElse(null));
    }

    /** Running sums of one subject. */
    private static final class Partial {
        BigDecimal revenue;
        BigDecimal previous;
        BigDecimal lastYear;
        int surveys;
        BigDecimal satisfaction;
        int reportsDue;
        int reportsOnTime;
        int won;
        int lost;

        ScorecardInputs inputs(KpiPeriod period, BigDecimal target) {
            return new ScorecardInputs(period, revenue, target, previous, lastYear, surveys, satisfaction, reportsDue,
                    reportsOnTime, won, lost);
        }
    }

    private void gather(KpiPeriod period, String key, String where, String param, Object value,
            Map<String, Partial> partials) {
        String month = period.toString();
        String previous = period.month().minusMonths(1).toString();
        String lastYear = period.month().minusYears(1).toString();
        for (Object r : em.createNativeQuery("SELECT " + key + ", booked_period, SUM(amount) FROM revenue_entry"
                + " WHERE booked_period IN (:m, :prev, :ly) AND " + where + " GROUP BY 1, 2")
                .setParameter("m", month).setParameter("prev", previous).setParameter("ly", lastYear)
                .setParameter(param, value).getResultList()) {
            Object[] row = (Object[]) r;
            Partial p = partials.computeIfAbsent((String) row[0], k -> new Partial());
            BigDecimal amount = (BigDecimal) row[2];
            if (month.equals(row[1])) {
                p.revenue = amount;
            } else if (previous.equals(row[1])) {
                p.previous = amount;
            } else {
                p.lastYear = amount;
            }
        }
        for (Object r : em.createNativeQuery("SELECT " + key + ", COUNT(*), SUM(score) FROM satisfaction_fact"
                + " WHERE booked_period = :m AND " + where + " GROUP BY 1")
                .setParameter("m", month).setParameter(param, value).getResultList()) {
            Object[] row = (Object[]) r;
            Partial p = partials.computeIfAbsent((String) row[0], k -> new Partial());
            p.surveys = ((Number) row[1]).intValue();
            p.satisfaction = new BigDecimal(row[2].toString());
        }
        for (Object r : em.createNativeQuery("SELECT " + key + ", COUNT(*), SUM(CASE WHEN on_time THEN 1 ELSE 0 END)"
                + " FROM report_fact WHERE booked_period = :m AND " + where + " GROUP BY 1")
                .setParameter("m", month).setParameter(param, value).getResultList()) {
            Object[] row = (Object[]) r;
            Partial p = partials.computeIfAbsent((String) row[0], k -> new Partial());
            p.reportsDue = ((Number) row[1]).intValue();
            p.reportsOnTime = ((Number) row[2]).intValue();
        }
        for (Object r : em.createNativeQuery("SELECT " + key + ", SUM(CASE WHEN outcome = 'WON' THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN outcome = 'LOST' THEN 1 ELSE 0 END) FROM opportunity_outcome"
                + " WHERE booked_period = :m AND outcome IN ('WON', 'LOST') AND " + where + " GROUP BY 1")
                .setParameter("m", month).setParameter(param, value).getResultList()) {
            Object[] row = (Object[]) r;
            Partial p = partials.computeIfAbsent((String) row[0], k -> new Partial());
            p.won = ((Number) row[1]).intValue();
            p.lost = ((Number) row[2]).intValue();
        }
    }

    /** The frozen results of a closed month: of one rep, of one team, or all. */
    private List<ScorecardOfRep> frozen(KpiPeriod period, Closed closed, String repId, String team) {
        String where = " WHERE period = :p" + (repId == null ? "" : " AND rep_id = :rep")
                + (team == null ? "" : " AND team = :team");
        Query q = em.createNativeQuery("SELECT rep_id, team, region, CAST(scorecard AS text) FROM appraisal_result" + where
                + " UNION ALL SELECT rep_id, team, region, CAST(scorecard AS text) FROM appraisal_ungraded" + where
                + " ORDER BY 1")
                .setParameter("p", period.toString());
        if (repId != null) {
            q.setParameter("rep", repId);
        }
        if (team != null) {
            q.setParameter("team", team);
        }
        List<ScorecardOfRep> reps = new ArrayList<>();
        for (Object r : q.getResultList()) {
            Object[] row = (Object[]) r;
            reps.add(new ScorecardOfRep((String) row[0], (String) row[1], (String) row[2],
                    read((String) row[3]).frozenAt(closed.closedAt())));
        }
        return reps;
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a scorecard as JSON", e);
        }
    }

    private Scorecard read(String text) {
        try {
            return json.readValue(text, Scorecard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a frozen scorecard cannot be read", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
