package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The weighted pipeline: amount x probability per stage, rounded once per stage, the total the sum of the stages. */
class PipelineTest {

    private static Pipeline.StageSum sum(String currency, OpportunityStage stage, String amount, int probability) {
        BigDecimal a = new BigDecimal(amount);
        return new Pipeline.StageSum(currency, stage, 1, a, a.multiply(BigDecimal.valueOf(probability)));
    }

    @Test
    void each_currency_lists_every_open_stage_and_weighs_by_probability() {
        var result = Pipeline.of(List.of(sum("CNY", OpportunityStage.PROPOSAL, "1000.00", 50),
                sum("CNY", OpportunityStage.QUALIFICATION, "333.33", 10), sum("USD", OpportunityStage.NEGOTIATION, "10.00", 75)));
        assertEquals(2, result.size());
        Pipeline.InCurrency cny = result.get(0);
        assertEquals("CNY", cny.currency());
        assertEquals(4, cny.stages().size());
        assertEquals(new BigDecimal("33.33"), cny.stages().get(0).weightedAmount());
        assertEquals(new BigDecimal("0.00"), cny.stages().get(1).weightedAmount());
        assertEquals(new BigDecimal("500.00"), cny.stages().get(2).weightedAmount());
        assertEquals(new BigDecimal("533.33"), cny.weightedAmount());
        assertEquals(new BigDecimal("1333.33"), cny.estimatedAmount());
        assertEquals(2, cny.count());
        assertEquals(new BigDecimal("7.50"), result.get(1).weightedAmount());
    }

    @Property
    void the_total_is_the_sum_of_the_stages_and_never_more_than_the_estimate(
            @ForAll @Size(max = 30) List<@LongRange(min = 0, max = 99_999_999_999L) Long> cents,
            @ForAll @IntRange(min = 0, max = 100) int probability) {
        List<Pipeline.StageSum> sums = new ArrayList<>();
        for (int i = 0; i < cents.size(); i++) {
            BigDecimal amount = BigDecimal.valueOf(cents.get(i), 2);
            sums.add(new Pipeline.StageSum("CNY", OpportunityStage.OPEN.get(i % 4), 1, amount,
                    amount.multiply(BigDecimal.valueOf(probability))));
        }
        for (Pipeline.InCurrency c : Pipeline.of(sums)) {
            BigDecimal stages = c.stages().stream().map(Pipeline.Stage::weightedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertEquals(0, stages.compareTo(c.weightedAmount()));
            assertTrue(c.weightedAmount().compareTo(c.estimatedAmount()) <= 0);
            BigDecimal exact = c.estimatedAmount().multiply(BigDecimal.valueOf(probability))
                    .divide(BigDecimal.valueOf(100), 10, RoundingMode.UNNECESSARY);
            // Four stage roundings at half a cent each at most.
            assertTrue(c.weightedAmount().subtract(exact).abs().compareTo(new BigDecimal("0.02")) <= 0);
            assertEquals(cents.size(), c.count());
        }
    }
}
