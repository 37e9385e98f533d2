package com.salesaffairs.aftersales.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * The periodic satisfaction-survey campaign of the {@code aftersales.survey} policy: every
 * {@code aftersales.survey-campaign.every} (default 1h) it checks whether the campaign of the current
 * period (campaign.everyMonths calendar months in Asia/Shanghai, aligned from January: the calendar
 * quarters for 3) has run, and if not runs it: the same campaign as {@code POST /survey-campaigns}
 * with its default period (orders settled in the last campaign.settledWithinDays days).
 *
 * <p>Safe with several replicas: {@link SurveyService#scheduledCampaign} claims the period by inserting
 * the run's row with ON CONFLICT DO NOTHING against a unique (period) of scheduled runs, in the
 * transaction that sends the surveys; a concurrent claim waits for that transaction and then finds the
 * period taken, so one replica runs a period, once.
 */
@ApplicationScoped
public class SurveyCampaignSchedule {
    /** Who a scheduled campaign's surveys and run are recorded as sent by. */
    public static final String ACTOR = "survey-campaign-scheduler";
    private static final Logger LOG = Logger.getLogger(SurveyCampaignSchedule.class);

    private final SurveyService surveys;
    private final Clock clock;
    private final boolean enabled;

    public SurveyCampaignSchedule(SurveyService surveys, Clock clock,
            @ConfigProperty(name = "aftersales.survey-campaign.enabled", defaultValue = "true") boolean enabled) {
        this.surveys = surveys;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(identity = "survey-campaign", every = "${aftersales.survey-campaign.every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!enabled) {
            return;
        }
        SurveyService.ScheduledCampaign run = run(clock.instant());
        if (run.ran()) {
            LOG.infof("scheduled survey campaign %s for %s: %d sent, %d skipped", run.result().campaignId(),
                    run.period(), run.result().sent(), run.result().skipped());
        }
    }

    /** One tick as of {@code at}, in one transaction; tests call it directly (the schedule is off there). */
    public SurveyService.ScheduledCampaign run(Instant at) {
        return surveys.scheduledCampaign(at, ACTOR);
    }
}
