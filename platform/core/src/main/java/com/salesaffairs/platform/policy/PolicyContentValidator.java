package com.salesaffairs.platform.policy;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.salesaffairs.platform.problem.Violation;

/** A service's check of a draft's content for one policy key; a bean per key it owns. */
public interface PolicyContentValidator {
    String policyKey();

    /** The problems with this content, empty when it can take effect. */
    List<Violation> validate(JsonNode content);
}
