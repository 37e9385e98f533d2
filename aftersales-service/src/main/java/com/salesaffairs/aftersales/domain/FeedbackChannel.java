package com.salesaffairs.aftersales.domain;

/** How the feedback reached the company. */
public enum FeedbackChannel {
    PHONE, EMAIL, VISIT, WEB, OTHER
}
