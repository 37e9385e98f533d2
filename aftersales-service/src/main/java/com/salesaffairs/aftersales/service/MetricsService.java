package com.salesaffairs.aftersales.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.salesaffairs.aftersales.domain.CaseAction;
import com.salesaffairs.aftersales.domain.FeedbackCategory;
import com.salesaffairs.aftersales.domain.ServiceCase;
import com.salesaffairs.aftersales.domain.SlaClock;
import com.salesaffairs.aftersales.domain.Survey;
import com.salesaffairs.platform.security.Roles;
import com.salesaffairs.platform.security.Scope;

/**
 * After-sales figures for a period: cases logged in it (volume, response and resolution times in business
 * hours on the SLA calendar, SLA compliance, reopen rate) and survey answers given in it (CSAT, NPS).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class MetricsService {

    public record TimeFigures(int count, BigDecimal medianBusinessHours, BigDecimal averageBusinessHours) {
    }

    public record Figures(String category, long casesLogged, TimeFigures firstResponse, TimeFigures resolution,
            BigDecimal responseSlaPercent, BigDecimal resolutionSlaPercent, BigDecimal reopenRatePercent,
            int surveyAnswers, BigDecimal csatPercent, BigDecimal averageScore, BigDecimal nps) {
    }

    public record Report(Instant from, Instant to, FeedbackCategory category, Figures totals, List<Figures> byCategory) {
    }

    private record Answer(UUID caseId, int score, int likelihood) {
    }

    private final EntityManager em;
    private final CaseService cases;

    public MetricsService(EntityManager em, CaseService cases) {
        this.em = em;
        this.cases = cases;
    }

    public Report report(Instant from, Instant to, FeedbackCategory category, boolean groupByCategory, Scope caller) {
        String team = teamOf(caller);
        List<ServiceCase> logged = casesLogged(from, to, category, team);
        Set<UUID> reopened = reopened(logged);
        List<Answer> answers = answers(from, to, team);
        Map<UUID, FeedbackCategory> answeredCaseCategories = categoriesOf(answers);
        SlaClock clock = cases.activeSla().clock();

        List<Answer> inCategory = category == null ? answers
                : answers.stream().filter(a -> category == answeredCaseCategories.get(a.caseId())).toList();
        Figures totals = figures(category == null ? null : category.name(), logged, reopened, inCategory, clock);
        List<Figures> groups = null;
        if (groupByCategory) {
            groups = new ArrayList<>();
            for (FeedbackCategory c : FeedbackCategory.values()) {
                if (category != null && category != c) {
                    continue;
                }
                groups.add(figures(c.name(), logged.stream().filter(sc -> sc.category() == c).toList(), reopened,
                        answers.stream().filter(a -> c == answeredCaseCategories.get(a.caseId())).toList(), clock));
            }
        }
        return new Report(from, to, category, totals, groups);
    }

    /** null: every team; a manager their team; a manager without a team none. */
    private static String teamOf(Scope caller) {
        if (caller.seesAllAs(Roles.AFTERSALES_AGENT)) {
            return null;
        }
        return caller.team() == null ? Scope.NO_TEAM : caller.team();
    }

    private List<ServiceCase> casesLogged(Instant from, Instant to, FeedbackCategory category, String team) {
        String jpql = "FROM ServiceCase c WHERE c.loggedAt >= :from AND c.loggedAt < :to"
                + (category == null ? "" : " AND c.category = :category") + (team == null ? "" : " AND c.team = :team");
        TypedQuery<ServiceCase> q = em.createQuery(jpql, ServiceCase.class).setParameter("from", from).setParameter("to", to);
        if (category != null) {
            q.setParameter("category", category);
        }
        if (team != null) {
            q.setParameter("team", team);
        }
        return q.getResultList();
    }

    private Set<UUID> reopened(List<ServiceCase> logged) {
        if (logged.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("SELECT DISTINCT e.caseId FROM CaseEntry e WHERE e.action = :reopened"
                + " AND e.caseId IN :ids", UUID.class).setParameter("reopened", CaseAction.REOPENED)
                .setParameter("ids", logged.stream().map(ServiceCase::id).toList()).getResultList());
    }

    private List<Answer> answers(Instant from, Instant to, String team) {
        TypedQuery<Survey> q = em.createQuery("FROM Survey s WHERE s.status = :answered"
                + " AND s.answeredAt >= :from AND s.answeredAt < :to" + (team == null ? "" : " AND s.team = :team"),
                Survey.class).setParameter("from", from).setParameter("to", to).setParameter("answered", Survey.Status.ANSWERED);
        if (team != null) {
            q.setParameter("team", team);
        }
        return q.getResultList().stream().map(s -> new Answer(s.caseId(), s.score(), s.likelihood())).toList();
    }

    private Map<UUID, FeedbackCategory> categoriesOf(List<Answer> answers) {
        List<UUID> ids = answers.stream().map(Answer::caseId).filter(Objects::nonNull).distinct().toList();
        Map<UUID, FeedbackCategory> result = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("FROM ServiceCase c WHERE c.id IN :ids", ServiceCase.class).setParameter("ids", ids)
                    .getResultList().forEach(c -> result.put(c.id(), c.category()));
        }
        return result;
    }

    private static Figures figures(String category, List<ServiceCase> logged, Set<UUID> reopened, List<Answer> answers,
            SlaClock clock) {
        List<Long> response = logged.stream().map(c -> c.responseMinutes(clock)).filter(Objects::nonNull).toList();
        List<Long> resolution = logged.stream().map(c -> c.resolutionMinutes(clock)).filter(Objects::nonNull).toList();
        long responseJudged = logged.stream().filter(c -> c.responseMet() != null).count();
        long responseMet = logged.stream().filter(c -> Boolean.TRUE.equals(c.responseMet())).count();
        long resolutionJudged = logged.stream().filter(c -> c.resolutionMet() != null).count();
        long resolutionMet = logged.stream().filter(c -> Boolean.TRUE.equals(c.resolutionMet())).count();
        long everResolved = logged.stream().filter(c -> c.resolvedAt() != null || reopened.contains(c.id())).count();
        long wasReopened = logged.stream().filter(c -> reopened.contains(c.id())).count();
        int n = answers.size();
        long satisfied = answers.stream().filter(a -> a.score() >= 4).count();
        long promoters = answers.stream().filter(a -> a.likelihood() >= 9).count();
        long detractors = answers.stream().filter(a -> a.likelihood() <= 6).count();
        BigDecimal averageScore = n == 0 ? null
                : BigDecimal.valueOf(answers.stream().mapToInt(Answer::score).sum()).divide(BigDecimal.valueOf(n), 2,
                        RoundingMode.HALF_UP);
        return new Figures(category, logged.size(), times(response), times(resolution), percent(responseMet, responseJudged),
                percent(resolutionMet, resolutionJudged), percent(wasReopened, everResolved), n, percent(satisfied, n),
                averageScore, n == 0 ? null
                        : BigDecimal.valueOf((promoters - detractors) * 100).divide(BigDecimal.valueOf(n), 2,
                                RoundingMode.HALF_UP));
    }

    private static TimeFigures times(Collection<Long> minutes) {
        if (minutes.isEmpty()) {
            return new TimeFigures(0, null, null);
        }
        List<Long> sorted = minutes.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? BigDecimal.valueOf(sorted.get(n / 2))
                : BigDecimal.valueOf(sorted.get(n / 2 - 1) + sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
        BigDecimal sum = BigDecimal.valueOf(sorted.stream().mapToLong(Long::longValue).sum());
        BigDecimal sixty = BigDecimal.valueOf(60);
        return new TimeFigures(n, median.divide(sixty, 2, RoundingMode.HALF_UP),
                sum.divide(sixty.multiply(BigDecimal.valueOf(n)), 2, RoundingMode.HALF_UP));
    }

    /** part / whole in percent with two decimals; null when there is nothing to judge. */
    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
