package com.salesaffairs.platform.config;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read as written or refused: Jackson's defaults would truncate a quantity of
 * 2.7 to 2 and read an enum from its position ({@code "decision": 0} as APPROVE), accepting input
 * the caller did not mean. Both now fail as a 400 naming the field.
 */
@Singleton
public class StrictJsonInput implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    }
}
