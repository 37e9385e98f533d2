package com.salesaffairs.opportunity.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weighted pipeline (policy 3.1, 5.2): per currency and open stage, the estimated amounts and
 * their sum weighted by each opportunity's probability. Each stage is rounded to the cent once and
 * the total is the sum of the stages, so the figures a manager adds up agree with the total.
 */
public final class Pipeline {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pipeline() {
    }

    /** One group of open opportunities as the database sums them: amount x probability kept exact. */
    public record StageSum(String currency, OpportunityStage stage, long count, BigDecimal estimatedAmount,
            BigDecimal amountTimesProbability) {
    }

    public record Stage(OpportunityStage stage, long count, BigDecimal estimatedAmount, BigDecimal weightedAmount) {
    }

    public record InCurrency(String currency, List<Stage> stages, long count, BigDecimal estimatedAmount,
            BigDecimal weightedAmount) {
    }

    /** Every open stage appears in each currency, with zeros where nothing is, so a chart has fixed columns. */
    public static List<InCurrency> of(List<StageSum> sums) {
        Map<String, Map<OpportunityStage, StageSum>> byCurrency = new LinkedHashMap<>();
        sums.stream().sorted(Comparator.comparing(StageSum::currency))
                .forEach(s -> byCurrency.computeIfAbsent(s.currency(), c -> new LinkedHashMap<>()).merge(s.stage(), s,
                        (a, b) -> new StageSum(a.currency(), a.stage(), a.count() + b.count(),
                                a.estimatedAmount().add(b.estimatedAmount()),
                                a.amountTimesProbability().add(b.amountTimesProbability()))));
        List<InCurrency> result = new ArrayList<>();
        byCurrency.forEach((currency, stages) -> {
            List<Stage> rows = new ArrayList<>();
            long count = 0;
            BigDecimal amount = cents(BigDecimal.ZERO);
            BigDecimal weighted = cents(BigDecimal.ZERO);
            for (OpportunityStage stage : OpportunityStage.OPEN) {
                StageSum s = stages.get(stage);
                Stage row = s == null ? new Stage(stage, 0, cents(BigDecimal.ZERO), cents(BigDecimal.ZERO))
                        : new Stage(stage, s.count(), cents(s.estimatedAmount()), weighted(s.amountTimesProbability()));
                rows.add(row);
                count += row.count();
                amount = amount.add(row.estimatedAmount());
                weighted = weighted.add(row.weightedAmount());
            }
            result.add(new InCurrency(currency, rows, count, amount, weighted));
        });
        return result;
    }

    /** Sum of amount x percent, as money: divided by 100 and rounded HALF_UP once. */
    public static BigDecimal weighted(BigDecimal amountTimesPercent) {
        return amountTimesPercent.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
