package com.salesaffairs.aftersales.domain;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/**
 * The {@code aftersales.survey} policy: how long a survey link is valid, whether a confirmed resolution
 * sends one, what a campaign asks, and the least time between two surveys of one customer.
 */
public record SurveyPolicy(int version, int linkValidDays, boolean afterResolution, int campaignEveryMonths,
        int campaignSettledWithinDays, int minDaysBetweenSurveysPerCustomer) {

    private static final Set<String> FIELDS = Set.of("linkValidDays", "afterResolution", "campaign",
            "minDaysBetweenSurveysPerCustomer");
    private static final Set<String> CAMPAIGN_FIELDS = Set.of("everyMonths", "settledWithinDays");

    public static SurveyPolicy from(int version, JsonNode content) {
        return new SurveyPolicy(version, content.path("linkValidDays").asInt(14),
                content.path("afterResolution").asBoolean(true), content.path("campaign").path("everyMonths").asInt(3),
                content.path("campaign").path("settledWithinDays").asInt(90),
                content.path("minDaysBetweenSurveysPerCustomer").asInt(30));
    }

    /** What keeps a draft from taking effect, each problem naming its field. */
    public static List<Violation> check(JsonNode content) {
        List<Violation> problems = new ArrayList<>();
        if (content == null || !content.isObject()) {
            problems.add(new Violation("content", "must be a JSON object"));
            return problems;
        }
        unknown(content, FIELDS, "", problems);
        whole(content.path("linkValidDays"), "linkValidDays", 1, 365, problems);
        if (!content.path("afterResolution").isBoolean()) {
            problems.add(new Violation("afterResolution", "must be true or false"));
        }
        JsonNode campaign = content.path("campaign");
        if (!campaign.isObject()) {
            problems.add(new Violation("campaign", "must be an object with everyMonths and settledWithinDays"));
        } else {
            unknown(campaign, CAMPAIGN_FIELDS, "campaign.", problems);
            whole(campaign.path("everyMonths"), "campaign.everyMonths", 1, 24, problems);
            whole(campaign.path("settledWithinDays"), "campaign.settledWithinDays", 1, 730, problems);
        }
        whole(content.path("minDaysBetweenSurveysPerCustomer"), "minDaysBetweenSurveysPerCustomer", 0, 365, problems);
        return problems;
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<Violation> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Violation(prefix + name, "is not a field of aftersales.survey"));
            }
        }
    }

    private static void whole(JsonNode value, String field, int min, int max, List<Violation> problems) {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max) {
            problems.add(new Violation(field, "must be a whole number from " + min + " to " + max));
        }
    }
}
