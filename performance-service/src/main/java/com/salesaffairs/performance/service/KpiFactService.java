package com.salesaffairs.performance.service;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.salesaffairs.performance.domain.KpiFact;
import com.salesaffairs.performance.domain.KpiPeriod;
import com.salesaffairs.performance.domain.OpportunityOutcome;
import com.salesaffairs.performance.domain.ReportFact;
import com.salesaffairs.performance.domain.RepKpi;
import com.salesaffairs.performance.domain.RevenueFact;
import com.salesaffairs.performance.domain.SatisfactionFact;
import com.salesaffairs.performance.messaging.KpiEvents;
import com.salesaffairs.performance.repository.KpiFactRepository;
import com.salesaffairs.performance.repository.KpiFactRepository.RepMonth;
import com.salesaffairs.performance.repository.OpportunityFactRepository;
import com.salesaffairs.performance.repository.ReportFactRepository;
import com.salesaffairs.performance.repository.RevenueFactRepository;
import com.salesaffairs.performance.repository.SatisfactionFactRepository;

/**
 * Books each KPI fact into its month, or into the first open month after it when its own month is
 * closed for appraisal ({@link AppraisalCalendar#bookingPeriod}), and publishes the rep's month as
 * it now stands ({@code sales.kpi.updated.v1}). Every method runs in the inbox transaction of the
 * event that carries the fact, so the fact, the inbox row and the outgoing event commit together.
 *
 * <p>The published month is assembled from several tables written by different consumers; each path
 * takes the rep month's advisory lock ({@link KpiFactRepository#lockMonths}) once the booked month
 * is known and before writing, so writers of one (rep, month) run one after the other and each
 * snapshot includes every fact committed before it (the last one published carries them all).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class KpiFactService {
    private static final Logger LOG = Logger.getLogger(KpiFactService.class);

    private final KpiService kpis;
    private final AppraisalCalendar calendar;
    private final KpiFactRepository kpiFacts;
    private final RevenueFactRepository revenue;
    private final SatisfactionFactRepository satisfaction;
    private final ReportFactRepository reports;
    private final OpportunityFactRepository opportunities;
    private final KpiEvents events;
    private final Clock clock;

    public KpiFactService(KpiService kpis, AppraisalCalendar calendar, KpiFactRepository kpiFacts,
            RevenueFactRepository revenue, SatisfactionFactRepository satisfaction, ReportFactRepository reports,
            OpportunityFactRepository opportunities, KpiEvents events, Clock clock) {
        this.kpis = kpis;
        this.calendar = calendar;
        this.kpiFacts = kpiFacts;
        this.revenue = revenue;
        this.satisfaction = satisfaction;
        this.reports = reports;
        this.opportunities = opportunities;
        this.events = events;
        this.clock = clock;
    }

    /** A settlement or refund: the monthly aggregate (kpi_fact) and the line (revenue_entry), same booked month. */
    public RepKpi revenue(RevenueFact fact) {
        RepKpi kpi = kpis.record(fact.contribution());
        revenue.insert(fact, kpi.period(), clock.instant());
        return kpi;
    }

    public void satisfaction(SatisfactionFact fact) {
        KpiPeriod booked = calendar.bookingPeriod(fact.period());
        kpiFacts.lockMonth(fact.repId(), booked);
        if (satisfaction.insert(fact, booked)) {
            LOG.infof("survey %s scored %d for rep %s, booked in %s", fact.surveyId(), fact.score(), fact.repId(), booked);
            published(fact.repId(), booked, fact.team());
        } else {
            LOG.infof("survey %s is already counted; a re-publication changes nothing", fact.surveyId());
        }
    }

    public void report(ReportFact fact) {
        KpiPeriod booked = calendar.bookingPeriod(fact.period());
        kpiFacts.lockMonth(fact.repId(), booked);
        if (reports.insert(fact, booked)) {
            LOG.infof("report %s of rep %s %s, booked in %s", fact.reportId(), fact.repId(),
                    fact.onTime() ? "on time" : "late", booked);
            published(fact.repId(), booked, fact.team());
        } else {
            LOG.infof("report %s is already counted; its first submission decides", fact.reportId());
        }
    }

    /**
     * A won, lost or reopened opportunity: kept when newer than the outcome known (by version), then
     * the rep's month it left (if any, and still open) and the month it now counts in are both
     * published. Leaving a closed month books no adjustment: that month's win rate is frozen in its
     * appraisal, and the opportunity counts again in the month it is closed anew. Whether the month
     * left is closed is asked through {@link AppraisalCalendar#bookingPeriod} (its shared lock), also
     * for a reopen, so it cannot change while this runs; both months are locked before the write.
     */
    public void opportunity(OpportunityOutcome fact) {
        Optional<OpportunityFactRepository.Counted> before = opportunities.lock(fact);
        if (before.isPresent() && before.get().version() >= fact.version()) {
            LOG.infof("opportunity %s version %d is older than the one counted (%d); ignored", fact.opportunityId(),
                    fact.version(), before.get().version());
            return;
        }
        KpiPeriod booked = fact.period() == null ? null : calendar.bookingPeriod(fact.period());
        // each rep month whose win rate changes, with the team to show when it has no revenue row
        Map<RepMonth, String> changed = new LinkedHashMap<>();
        // The month it leaves: a closed one keeps its frozen appraisal and is not re-published. Asked
        // under the calendar's shared lock (a reopen books nothing else), so no close runs alongside.
        before.filter(b -> b.bookedPeriod() != null).ifPresent(b -> {
            KpiPeriod left = KpiPeriod.parse(b.bookedPeriod());
            if (calendar.bookingPeriod(left).equals(left)) {
                changed.put(new RepMonth(b.repId(), left), null);
            }
        });
        if (booked != null) {
            changed.put(new RepMonth(fact.repId(), booked), fact.team());
        }
        kpiFacts.lockMonths(changed.keySet());
        if (!opportunities.upsertIfNewer(fact, booked, clock.instant())) {
            return;
        }
        LOG.infof("opportunity %s version %d is %s for rep %s, booked in %s", fact.opportunityId(), fact.version(),
                fact.outcome(), fact.repId(), booked);
        changed.forEach((month, team) -> published(month.repId(), month.period(), team));
    }

    /** Publishes the rep's booked month: its revenue figures (zeros without any) and the other inputs. */
    private void published(String repId, KpiPeriod booked, String team) {
        RepKpi kpi = kpiFacts.of(repId, booked).map(RepKpi::of).orElseGet(() -> {
            Optional<KpiFact> last = kpiFacts.latest(repId);
            return RepKpi.none(repId, booked, team != null ? team : last.map(KpiFact::team).orElse(null),
                    last.map(KpiFact::region).orElse(null));
        });
        events.updated(kpi, clock.instant());
    }
}
