package com.salesaffairs.performance.domain;

/** Whose revenue target it is: the company's, a region's, a team's or one rep's (policy 4). */
public enum TargetLevel {
    COMPANY, REGION, TEAM, REP;

    /** The subject of the company's own target. */
    public static final String COMPANY_SUBJECT = "company";
}
