package com.salesaffairs.opportunity.domain;

/** What a rep may say about a customer; ownership and team come from who registers it. */
public record CustomerDetails(String name, String industry, String country, String city, String email, String phone) {
}
