package com.salesaffairs.opportunity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A registration id fits the customer's country: the 18-character USCC in CN, a company number elsewhere. */
class RegistrationIdTest {

    @Test
    void a_chinese_customer_needs_the_unified_social_credit_code_shape() {
        assertTrue(RegistrationId.problem("CN", RegistrationId.normalise(" 91330100ma2b3c4d5e ")).isEmpty());
        assertTrue(RegistrationId.problem("CN", "91330100MA2B3C4D5I").isPresent(), "I is not in the USCC alphabet");
        assertTrue(RegistrationId.problem("CN", "9133010AMA2B3C4D5E").isPresent(), "positions 3-8 are digits");
        assertTrue(RegistrationId.problem("CN", "91330100MA2B3C4D5").isPresent(), "17 characters");
    }

    @Test
    void elsewhere_letters_digits_and_dashes_up_to_fifty() {
        assertTrue(RegistrationId.problem("DE", "HRB-12345").isEmpty());
        assertTrue(RegistrationId.problem(null, "12345678").isEmpty());
        assertTrue(RegistrationId.problem("DE", "HRB 12345").isPresent());
        assertTrue(RegistrationId.problem("US", "X".repeat(51)).isPresent());
        assertEquals("HRB-1", RegistrationId.normalise(" hrb-1 "));
    }
}
