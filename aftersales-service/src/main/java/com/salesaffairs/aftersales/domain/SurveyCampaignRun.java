package com.salesaffairs.aftersales.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One run of a survey campaign, by hand or by the schedule. Its id is the {@code campaignId} of the
 * surveys it sent. A SCHEDULED run is unique per {@code period} (a partial unique index), which is
 * what keeps two replicas from running one period twice; a MANUAL run only notes the period it fell in.
 */
@Entity
@Table(name = "survey_campaign_run")
public class SurveyCampaignRun {
    public enum Trigger {
        SCHEDULED, MANUAL
    }

    @Id
    private UUID id;
    @Column(nullable = false)
    private String period;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Trigger trigger;
    @Column(name = "policy_version", nullable = false)
    private int policyVersion;
    @Column(name = "settled_from", nullable = false)
    private Instant settledFrom;
    @Column(name = "settled_to", nullable = false)
    private Instant settledTo;
    @Column(nullable = false)
    private int sent;
    @Column(nullable = false)
    private int skipped;
    @Column(name = "started_by", nullable = false)
    private String startedBy;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected SurveyCampaignRun() {
    }

    public static SurveyCampaignRun manual(UUID id, String period, int policyVersion, Instant settledFrom,
            Instant settledTo, String startedBy, Instant startedAt) {
        SurveyCampaignRun r = new SurveyCampaignRun();
        r.id = id;
        r.period = period;
        r.trigger = Trigger.MANUAL;
        r.policyVersion = policyVersion;
        r.settledFrom = settledFrom;
        r.settledTo = settledTo;
        r.startedBy = startedBy;
        r.startedAt = startedAt;
        return r;
    }

    public void finish(int sent, int skipped, Instant at) {
        this.sent = sent;
        this.skipped = skipped;
        this.finishedAt = at;
    }

    public UUID id() {
        return id;
    }

    public String period() {
        return period;
    }

    public Trigger trigger() {
        return trigger;
    }

    public int policyVersion() {
        return policyVersion;
    }

    public Instant settledFrom() {
        return settledFrom;
    }

    public Instant settledTo() {
        return settledTo;
    }

    public int sent() {
        return sent;
    }

    public int skipped() {
        return skipped;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
