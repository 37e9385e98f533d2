package com.salesaffairs.order.domain;

/** Terms a rep may offer; which ones are standard is the order.approval policy's call. */
public enum PaymentTerms {
    PREPAID, NET30, NET60, NET90, CASH_ON_DELIVERY, LETTER_OF_CREDIT
}
