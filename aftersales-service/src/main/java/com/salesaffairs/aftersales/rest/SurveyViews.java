package com.salesaffairs.aftersales.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.salesaffairs.aftersales.domain.Survey;
import com.salesaffairs.aftersales.domain.SurveyCampaignRun;
import com.salesaffairs.aftersales.service.SurveyService;

/** Request and response shapes of the survey endpoints. */
public final class SurveyViews {
    private SurveyViews() {
    }

    @Schema(example = """
            {"caseId": "4f6c2f0e-8a8e-4a47-9d39-4c5bbd0b1a11"}""",
            description = "exactly one of caseId and orderId")
    public record SendRequest(UUID caseId, UUID orderId) {
    }

    @Schema(example = """
            {"settledFrom": "2026-09-01T00:00:00Z", "settledTo": "2026-12-01T00:00:00Z"}""",
            description = "the settlement period of the orders whose customers are asked; both optional (default: the"
                    + " policy's campaign.settledWithinDays up to now)")
    public record CampaignRequest(Instant settledFrom, Instant settledTo) {
    }

    @Schema(example = """
            {"score": 4, "likelihoodToRecommend": 9, "comment": "Quick replacement, thank you"}""")
    public record AnswerRequest(
            @Schema(description = "satisfaction, a whole number from 1 to 5") @NotNull @Min(1) @Max(5) Integer score,
            @Schema(description = "how likely to recommend us, a whole number from 0 to 10") @NotNull @Min(0) @Max(10) Integer likelihoodToRecommend,
            @Size(max = 2000) String comment) {
    }

    @Schema(description = "A survey as staff see it; never its token")
    public record SurveyView(UUID id, @Schema(enumeration = { "SENT", "ANSWERED", "EXPIRED" }) String status,
            UUID customerId, UUID caseId, UUID orderId, String repId, String team,
            @Schema(enumeration = { "CASE_CLOSED", "MANUAL", "CAMPAIGN" }) String trigger, UUID campaignId,
            String sentBy, Instant sentAt, Instant expiresAt, Instant answeredAt, Integer score,
            Integer likelihoodToRecommend, String comment,
            @Schema(description = "who issued the latest link (POST /surveys/{id}/link); null when none was") String linkIssuedBy,
            Instant linkIssuedAt) {
        static SurveyView of(Survey s, Instant now) {
            return new SurveyView(s.id(), s.statusAt(now).name(), s.customerId(), s.caseId(), s.orderId(), s.repId(),
                    s.team(), s.trigger().name(), s.campaignId(), s.sentBy(), s.sentAt(), s.expiresAt(), s.answeredAt(),
                    s.score(), s.likelihood(), s.comment(), s.linkIssuedBy(), s.linkIssuedAt());
        }
    }

    @Schema(description = "A survey just sent, with the single-use token and the path that answers it: the link a mailer"
            + " sends. The token is shown here only, never again")
    public record SentSurvey(UUID id, String status, UUID customerId, UUID caseId, UUID orderId, String repId,
            String team, String trigger, Instant sentAt, Instant expiresAt, String token, String answerPath) {
        static SentSurvey of(SurveyService.Sent sent) {
            Survey s = sent.survey();
            return new SentSurvey(s.id(), s.statusAt(s.sentAt()).name(), s.customerId(), s.caseId(), s.orderId(),
                    s.repId(), s.team(), s.trigger().name(), s.sentAt(), s.expiresAt(), sent.token(),
                    "/api/v1/surveys/" + sent.token() + "/responses");
        }
    }

    @Schema(description = "A fresh single-use link for a survey, for staff to pass on by mail or phone: the token and the"
            + " path that answers it (shown here only, never again). The previous link no longer works; the expiry is"
            + " the survey's own")
    public record IssuedLink(UUID id, @Schema(enumeration = { "SENT" }) String status, UUID customerId, UUID caseId,
            UUID orderId, String repId, String team,
            @Schema(enumeration = { "CASE_CLOSED", "MANUAL", "CAMPAIGN" }) String trigger, Instant sentAt,
            Instant expiresAt, String linkIssuedBy, Instant linkIssuedAt, String token, String answerPath) {
        static IssuedLink of(SurveyService.Sent sent) {
            Survey s = sent.survey();
            return new IssuedLink(s.id(), s.statusAt(s.linkIssuedAt()).name(), s.customerId(), s.caseId(), s.orderId(),
                    s.repId(), s.team(), s.trigger().name(), s.sentAt(), s.expiresAt(), s.linkIssuedBy(),
                    s.linkIssuedAt(), sent.token(), "/api/v1/surveys/" + sent.token() + "/responses");
        }
    }

    public record CampaignView(UUID campaignId, Instant settledFrom, Instant settledTo, int sent, int skipped,
            List<SentSurvey> surveys) {
        static CampaignView of(SurveyService.CampaignResult r) {
            return new CampaignView(r.campaignId(), r.settledFrom(), r.settledTo(), r.sent(), r.skipped(),
                    r.surveys().stream().map(SentSurvey::of).toList());
        }
    }

    @Schema(description = "A survey campaign run, by hand (MANUAL) or by the schedule (SCHEDULED); campaignId is the"
            + " campaignId of the surveys it sent. period is the campaign period it fell in (Asia/Shanghai calendar,"
            + " campaign.everyMonths months aligned from January, e.g. 2026-Q4); a SCHEDULED run is the only one of"
            + " its period. Never any token")
    public record CampaignRunView(UUID campaignId, String period,
            @Schema(enumeration = { "SCHEDULED", "MANUAL" }) String trigger,
            @Schema(description = "the aftersales.survey version it ran under") int policyVersion,
            Instant settledFrom, Instant settledTo, int sent, int skipped,
            @Schema(description = "the user who ran it, or survey-campaign-scheduler") String startedBy,
            Instant startedAt, Instant finishedAt) {
        static CampaignRunView of(SurveyCampaignRun r) {
            return new CampaignRunView(r.id(), r.period(), r.trigger().name(), r.policyVersion(), r.settledFrom(),
                    r.settledTo(), r.sent(), r.skipped(), r.startedBy(), r.startedAt(), r.finishedAt());
        }
    }

    @Schema(description = "A page of campaign runs")
    public record CampaignRunPage(List<CampaignRunView> items, int page, int size, long total) {
    }

    @Schema(description = "The recorded answer, as the customer sees it acknowledged")
    public record AnswerView(UUID surveyId, Instant answeredAt, int score, int likelihoodToRecommend) {
    }
}
