package com.salesaffairs.opportunity.domain;

/** Where an opportunity came from (policy 3.1: market research, referrals, trade shows and other channels). */
public enum OpportunitySource {
    MARKET_RESEARCH, REFERRAL, TRADE_SHOW, WEBSITE, OTHER;

    /** A referral names who referred, a trade show which show: without it the channel cannot be judged later. */
    public boolean needsDetail() {
        return this == REFERRAL || this == TRADE_SHOW;
    }
}
