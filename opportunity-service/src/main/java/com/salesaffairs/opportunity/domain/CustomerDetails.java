package com.salesaffairs.opportunity.domain;

/**
 * What a rep may say about a customer; ownership and team come from who registers it. The details
 * added after version 1 of the API (registrationId, segment, region, address) are optional: null
 * means "not said", and an update keeps what is recorded (see {@link Customer#update}).
 */
public record CustomerDetails(String name, String industry, String country, String city, String email, String phone,
        String registrationId, CustomerSegment segment, String region, String address) {

    public CustomerDetails(String name, String industry, String country, String city, String email, String phone) {
        this(name, industry, country, city, email, phone, null, null, null, null);
    }
}
