package com.salesaffairs.performance.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesaffairs.performance.domain.CommissionStatement;
import com.salesaffairs.performance.domain.KpiFigures;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.PeriodClosed;
import com.salesaffairs.performance.domain.RewardPolicy;
import com.salesaffairs.performance.domain.RewardRecommendation;
import com.salesaffairs.performance.domain.RewardRecommendation.Reward;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;
import com.salesaffairs.platform.policy.PolicyStore;
import com.salesaffairs.platform.policy.PolicyVersion;
import com.salesaffairs.platform.problem.ApiProblem;
import com.salesaffairs.platform.rest.PageParams;
import com.salesaffairs.platform.rest.PageResponse;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * Rewards (policy 4.3): when a month closes, one recommendation per appraised rep from the frozen grade and the
 * {@code performance.rewards} version in force; the director approves each, as recommended or amended, and the
 * approval publishes {@code sales.incentive.awarded.v1} and {@code sales.appraisal.completed.v1} for ERP and payroll.
 */
@ApplicationScoped
@Transactional
public class RewardService {
    public static final String INCENTIVE_AWARDED = "sales.incentive.awarded.v1";
    public static final String APPRAISAL_COMPLETED = "sales.appraisal.completed.v1";
    private static final Logger LOG = Logger.getLogger(RewardService.class);
    private static final String COLUMNS = """
            id, period, rep_id, team, region, score, grade, kpi_policy_version, rewards_policy_version,
            salary_pct, rate_points, training::text, improvement_plan, status,
            awarded_salary_pct, awarded_rate_points, awarded_training::text, awarded_improvement_plan,
            amended, decision_comment, decided_by, decided_at, created_at""";

    /** What the director may change when approving; null fields keep the recommendation. */
    public record Amendment(BigDecimal salaryAdjustmentPct, BigDecimal commissionRatePoints, List<String> training,
            Boolean improvementPlan, String comment) {
    }

    public record IncentiveAwarded(UUID rewardId, String repId, String team, String region, String period, String grade,
            BigDecimal score, BigDecimal salaryAdjustmentPct, BigDecimal commissionRatePoints, String ratePeriod,
            List<String> training, boolean improvementPlan, boolean amended, Reward recommended, int rewardsPolicyVersion,
            String approvedBy, Instant approvedAt, String comment) {
    }

    public record PolicyVersions(int kpi, int rewards, int commission) {
    }

    public record MonthCommission(String currency, BigDecimal amount, BigDecimal revenue, BigDecimal target,
            BigDecimal attainmentPct) {
    }

    public record AppraisalCompleted(String repId, String team, String region, String period, BigDecimal score, String grade,
            JsonNode kpis, PolicyVersions policyVersions, MonthCommission commission, UUID rewardId, Reward reward,
            String approvedBy, Instant completedAt) {
    }

    private final EntityManager em;
    private final PolicyStore policies;
    private final CommissionService commissions;
    private final AppraisalCalendar calendar;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public RewardService(EntityManager em, PolicyStore policies, CommissionService commissions,
            AppraisalCalendar calendar, Outbox outbox, ObjectMapper json, Clock clock) {
        this.em = em;
        this.policies = policies;
        this.commissions = commissions;
        this.calendar = calendar;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /**
     * In the closing transaction: a recommendation for every rep appraised in the month. A rep who already has
     * one for the month keeps it (a month closes once; this only guards against a repeated event).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void onPeriodClosed(@Observes PeriodClosed closed) {
        PolicyVersion version = policies.require(RewardPolicy.KEY);
        RewardPolicy policy = RewardPolicy.from(version.version, policies.read(version.content));
        List<?> results = em.createNativeQuery("""
                SELECT rep_id, team, region, score, grade, kpis::text, kpi_policy_version
                FROM appraisal_result WHERE period = :period ORDER BY rep_id""")
                .setParameter("period", closed.period().toString()).getResultList();
        Instant now = clock.instant();
        int made = 0;
        for (Object row : results) {
            Object[] r = (Object[]) row;
            String grade = (String) r[4];
            RewardPolicy.Recommendation rec = policy.recommend(grade, RewardPolicy.kpiScores(readTree((String) r[5])));
            made += em.createNativeQuery("""
                    INSERT INTO reward_recommendation (id, period, rep_id, team, region, score, grade, kpi_policy_version,
                        rewards_policy_version, salary_pct, rate_points, training, improvement_plan, status, created_at)
                    VALUES (:id, :period, :rep, :team, :region, :score, :grade, :kpiVersion, :rewardsVersion, :salary,
                        :points, CAST(:training AS jsonb), :plan, 'RECOMMENDED', :at)
                    ON CONFLICT (period, rep_id) DO NOTHING""")
                    .setParameter("id", UUID.randomUUID()).setParameter("period", closed.period().toString())
                    .setParameter("rep", r[0]).setParameter("team", r[1]).setParameter("region", r[2])
                    .setParameter("score", r[3]).setParameter("grade", grade)
                    .setParameter("kpiVersion", ((Number) r[6]).intValue()).setParameter("rewardsVersion", policy.version())
                    .setParameter("salary", rec.salaryAdjustmentPct()).setParameter("points", rec.commissionRatePoints())
                    .setParameter("training", write(rec.training())).setParameter("plan", rec.improvementPlan())
                    .setParameter("at", now).executeUpdate();
        }
        LOG.infof("period %s closed by %s: %d reward recommendations from %s v%d", closed.period(), closed.closedBy(),
                made, RewardPolicy.KEY, policy.version());
    }

    /** A month's rewards as the caller may see them: a rep their own, a manager their team's, others all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<RewardRecommendation> list(KpiPeriod period, Scope caller, PageParams page) {
        StringBuilder where = new StringBuilder(" FROM reward_recommendation WHERE period = :period");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("period", period.toString());
        if (!caller.seesAll()) {
            if (caller.hasRole(Roles.SALES_MANAGER)) {
                where.append(" AND team = :team");
                params.put("team", caller.team() == null ? Scope.NO_TEAM : caller.team());
            } else {
                where.append(" AND rep_id = :rep");
                params.put("rep", caller.userId());
            }
        }
        Query count = em.createNativeQuery("SELECT COUNT(*)" + where);
        Query items = em.createNativeQuery("SELECT " + COLUMNS + where + " ORDER BY team NULLS LAST, rep_id")
                .setFirstResult(page.offset()).setMaxResults(page.size());
        params.forEach((k, v) -> {
            count.setParameter(k, v);
            items.setParameter(k, v);
        });
        long total = ((Number) count.getSingleResult()).longValue();
        List<RewardRecommendation> rows = new ArrayList<>();
        for (Object row : items.getResultList()) {
            rows.add(map((Object[]) row));
        }
        return PageResponse.of(rows, page, total);
    }

    /**
     * The director's decision: the recommendation as it stands or amended. Once only (409 after), under a row lock
     * so two directors approving at once cannot both publish. Publishes both events in the same transaction.
     * Awarding rate points is refused (422 {@code reward.next-month-closed}) once the month the rate bonus applies to
     * is closed for appraisal: that month's statement must not change after its close. The shared close lock keeps a close from slipping in
     * between the check and the commit.
     */
    public RewardRecommendation approve(UUID id, Amendment amendment, String approver) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(:key)").setParameter("key", AppraisalCalendar.CLOSE_LOCK)
                .getSingleResult();
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM reward_recommendation WHERE id = :id FOR UPDATE")
                .setParameter("id", id).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("reward", id);
        }
        RewardRecommendation current = map((Object[]) rows.get(0));
        if (!"RECOMMENDED".equals(current.status())) {
            throw ApiProblem.duplicate("reward.already-approved", "reward " + id + " was already approved by "
                    + current.decidedBy() + " at " + current.decidedAt());
        }
        Reward recommended = current.recommended();
        Amendment a = amendment == null ? new Amendment(null, null, null, null, null) : amendment;
        Reward awarded = new Reward(
                a.salaryAdjustmentPct() == null ? recommended.salaryAdjustmentPct() : a.salaryAdjustmentPct().setScale(2),
                a.commissionRatePoints() == null ? recommended.commissionRatePoints() : a.commissionRatePoints().setScale(2),
                a.training() == null ? recommended.training() : a.training().stream().map(String::trim).distinct().toList(),
                a.improvementPlan() == null ? recommended.improvementPlan() : a.improvementPlan());
        KpiPeriod ratePeriod = KpiPeriod.parse(current.ratePeriod());
        if (awarded.commissionRatePoints().signum() > 0 && calendar.isClosed(ratePeriod)) {
            throw ApiProblem.ruleViolated("reward.next-month-closed", "commissionRatePoints", "reward " + id + " of "
                    + current.period() + " would raise the commission rate of " + ratePeriod
                    + ", which is already closed for appraisal; approve it with commissionRatePoints 0");
        }
        boolean amended = awarded.salaryAdjustmentPct().compareTo(recommended.salaryAdjustmentPct()) != 0
                || awarded.commissionRatePoints().compareTo(recommended.commissionRatePoints()) != 0
                || !Objects.equals(awarded.training(), recommended.training())
                || awarded.improvementPlan() != recommended.improvementPlan();
        Instant now = clock.instant();
        em.createNativeQuery("""
                UPDATE reward_recommendation SET status = 'APPROVED', awarded_salary_pct = :salary,
                    awarded_rate_points = :points, awarded_training = CAST(:training AS jsonb),
                    awarded_improvement_plan = :plan, amended = :amended, decision_comment = :comment,
                    decided_by = :by, decided_at = :at
                WHERE id = :id""")
                .setParameter("salary", awarded.salaryAdjustmentPct()).setParameter("points", awarded.commissionRatePoints())
                .setParameter("training", write(awarded.training())).setParameter("plan", awarded.improvementPlan())
                .setParameter("amended", amended).setParameter("comment", a.comment()).setParameter("by", approver)
                .setParameter("at", now).setParameter("id", id).executeUpdate();
        RewardRecommendation approved = new RewardRecommendation(current.id(), current.period(), current.repId(),
                current.team(), current.region(), current.score(), current.grade(), current.kpiPolicyVersion(),
                current.rewardsPolicyVersion(), recommended, "APPROVED", awarded, amended, a.comment(), approver, now,
                current.createdAt(), current.ratePeriod());
        publish(approved);
        LOG.infof("reward %s of rep %s for %s approved by %s%s", id, current.repId(), current.period(), approver,
                amended ? " (amended)" : "");
        return approved;
    }

    private void publish(RewardRecommendation r) {
        Reward awarded = r.awarded();
        outbox.record(Topics.PERFORMANCE, "reward", r.repId(), INCENTIVE_AWARDED, new IncentiveAwarded(r.id(), r.repId(),
                r.team(), r.region(), r.period(), r.grade(), r.score(), awarded.salaryAdjustmentPct(),
                awarded.commissionRatePoints(), r.ratePeriod(), awarded.training(), awarded.improvementPlan(), r.amended(),
                r.recommended(), r.rewardsPolicyVersion(), r.decidedBy(), r.decidedAt(), r.comment()));
        JsonNode kpis = readTree((String) em.createNativeQuery(
                "SELECT kpis::text FROM appraisal_result WHERE period = :period AND rep_id = :rep")
                .setParameter("period", r.period()).setParameter("rep", r.repId()).getSingleResult());
        CommissionStatement statement = commissions.compute(r.repId(), KpiPeriod.parse(r.period()));
        outbox.record(Topics.PERFORMANCE, "appraisal", r.repId(), APPRAISAL_COMPLETED, new AppraisalCompleted(r.repId(),
                r.team(), r.region(), r.period(), r.score(), r.grade(), kpis,
                new PolicyVersions(r.kpiPolicyVersion(), r.rewardsPolicyVersion(), statement.policyVersion()),
                new MonthCommission(KpiFigures.CURRENCY, statement.commission(), statement.revenue(), statement.target(),
                        statement.attainmentPct()),
                r.id(), awarded, r.decidedBy(), r.decidedAt()));
    }

    private RewardRecommendation map(Object[] r) {
        String period = (String) r[1];
        Reward recommended = new Reward(scale((BigDecimal) r[9]), scale((BigDecimal) r[10]), readList((String) r[11]),
                (Boolean) r[12]);
        Reward awarded = r[14] == null ? null
                : new Reward(scale((BigDecimal) r[14]), scale((BigDecimal) r[15]), readList((String) r[16]), (Boolean) r[17]);
        return new RewardRecommendation((UUID) r[0], period, (String) r[2], (String) r[3], (String) r[4],
                scale((BigDecimal) r[5]), (String) r[6], ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                recommended, (String) r[13], awarded, (Boolean) r[18], (String) r[19], (String) r[20],
                r[21] == null ? null : CommissionService.instant(r[21]), CommissionService.instant(r[22]),
                KpiPeriod.parse(period).month().plusMonths(1).toString());
    }

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(2);
    }

    private JsonNode readTree(String text) {
        try {
            return text == null ? json.nullNode() : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not JSON", e);
        }
    }

    private List<String> readList(String text) {
        try {
            return text == null ? List.of() : json.readValue(text, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored training list is not JSON", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
