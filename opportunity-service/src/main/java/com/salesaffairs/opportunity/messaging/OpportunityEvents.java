package com.salesaffairs.opportunity.messaging;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.salesaffairs.opportunity.domain.Activity;
import com.salesaffairs.opportunity.domain.Assignment;
import com.salesaffairs.opportunity.domain.Opportunity;
import com.salesaffairs.opportunity.domain.OpportunityStage;
import com.salesaffairs.platform.events.Topics;
import com.salesaffairs.platform.outbox.Outbox;

/**
 * The opportunity facts (policy 3.1) on {@code sales.opportunity.events}, key = opportunity id.
 * Every payload carries the opportunity as it now stands (identity, customer, assignee, team,
 * region, source, stage, amounts, version) plus what the change adds, so a consumer never calls
 * back. Free text a person wrote (activity summaries, closing analysis) stays in this service.
 */
@ApplicationScoped
public class OpportunityEvents {
    public static final String CREATED = "sales.opportunity.created.v1";
    public static final String ASSIGNED = "sales.opportunity.assigned.v1";
    public static final String STAGE_CHANGED = "sales.opportunity.stage-changed.v1";
    public static final String WON = "sales.opportunity.won.v1";
    public static final String LOST = "sales.opportunity.lost.v1";
    public static final String REOPENED = "sales.opportunity.reopened.v1";
    public static final String ACTIVITY_LOGGED = "sales.opportunity.activity-logged.v1";

    private final Outbox outbox;

    public OpportunityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Opportunity o) {
        Map<String, Object> payload = fact(o);
        payload.put("nextFollowUpAt", o.nextFollowUpAt());
        record(o, CREATED, payload);
    }

    public void assigned(Opportunity o, Assignment a) {
        Map<String, Object> payload = fact(o);
        payload.put("assignmentId", a.id());
        payload.put("previousAssigneeId", a.previousAssigneeId());
        payload.put("assignedBy", a.assignedBy());
        payload.put("assignedAt", a.assignedAt());
        payload.put("reason", a.reason());
        record(o, ASSIGNED, payload);
    }

    public void stageChanged(Opportunity o, OpportunityStage from, String by) {
        Map<String, Object> payload = fact(o);
        payload.put("fromStage", from);
        payload.put("changedBy", by);
        payload.put("changedAt", o.stageChangedAt());
        record(o, STAGE_CHANGED, payload);
    }

    /** won.v1 or lost.v1: the closing as a self-contained fact for win/loss learning and order entry. */
    public void closed(Opportunity o) {
        Map<String, Object> payload = fact(o);
        payload.put("closedFromStage", o.closedFromStage());
        payload.put("closedAt", o.closedAt());
        payload.put("closedBy", o.closedBy());
        payload.put("cycleDays", o.cycleDays());
        payload.put("reason", o.closeReason());
        payload.put("competitor", o.competitor());
        if (o.stage() == OpportunityStage.WON) {
            payload.put("lines", o.wonLines().stream().map(l -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("sku", l.sku());
                line.put("quantity", l.quantity());
                line.put("unitPrice", l.unitPrice());
                return line;
            }).toList());
        }
        record(o, o.stage() == OpportunityStage.WON ? WON : LOST, payload);
    }

    public void reopened(Opportunity o, OpportunityStage closedAs, String by, String reason) {
        Map<String, Object> payload = fact(o);
        payload.put("reopenedFrom", closedAs);
        payload.put("reopenedBy", by);
        payload.put("reopenedAt", o.stageChangedAt());
        payload.put("reason", reason);
        payload.put("nextFollowUpAt", o.nextFollowUpAt());
        record(o, REOPENED, payload);
    }

    public void activityLogged(Opportunity o, Activity a) {
        Map<String, Object> payload = fact(o);
        payload.put("activityId", a.id());
        payload.put("activityType", a.type());
        payload.put("occurredAt", a.occurredAt());
        payload.put("loggedBy", a.loggedBy());
        payload.put("lastContactAt", o.lastContactAt());
        payload.put("nextFollowUpAt", o.nextFollowUpAt());
        record(o, ACTIVITY_LOGGED, payload);
    }

    private void record(Opportunity o, String type, Map<String, Object> payload) {
        outbox.record(Topics.OPPORTUNITY, "opportunity", o.id().toString(), type, payload);
    }

    private static Map<String, Object> fact(Opportunity o) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("opportunityId", o.id());
        fact.put("customerId", o.customerId());
        fact.put("customerName", o.customerName());
        fact.put("title", o.title());
        fact.put("source", o.source());
        fact.put("sourceDetail", o.sourceDetail());
        fact.put("productsOfInterest", o.productsOfInterest());
        fact.put("capturedBy", o.capturedBy());
        fact.put("capturedAt", o.capturedAt());
        fact.put("assigneeId", o.assigneeId());
        fact.put("team", o.team());
        fact.put("region", o.region());
        fact.put("stage", o.stage());
        fact.put("probability", o.probability());
        fact.put("probabilityPolicyVersion", o.probabilityPolicyVersion());
        fact.put("estimatedAmount", o.estimatedAmount());
        fact.put("currency", o.currency());
        fact.put("expectedCloseDate", o.expectedCloseDate());
        fact.put("version", o.version());
        fact.put("recordedAt", o.updatedAt());
        return fact;
    }
}
