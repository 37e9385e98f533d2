package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The helpers the ITs lean on; a wrong poll would make every IT flaky or blind. */
class StackClientTest {

    @Test
    void eventually_returns_the_value_of_the_first_check_that_passes() {
        AtomicInteger attempts = new AtomicInteger();

        String value = StackClient.eventually(Duration.ofSeconds(5), () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new AssertionError("not yet");
            }
            return "arrived";
        });

        assertEquals("arrived", value);
        assertEquals(3, attempts.get(), "stops polling once the check passes");
    }

    @Test
    void eventually_throws_the_last_failure_once_the_deadline_passes() {
        AtomicInteger attempts = new AtomicInteger();
        Instant start = Instant.now();

        AssertionError thrown = assertThrows(AssertionError.class, () -> StackClient.eventually(Duration.ofMillis(800),
                () -> {
                    throw new AssertionError("attempt " + attempts.incrementAndGet());
                }));

        assertEquals("attempt " + attempts.get(), thrown.getMessage(), "the last failure, not the first");
        assertTrue(attempts.get() >= 3, "polled every 250 ms: " + attempts.get());
        assertTrue(Duration.between(start, Instant.now()).compareTo(Duration.ofMillis(700)) >= 0, "waited for the deadline");
    }

    @Test
    void eventually_retries_runtime_exceptions_such_as_a_refused_connection() {
        AtomicInteger attempts = new AtomicInteger();

        int value = StackClient.eventually(Duration.ofSeconds(5), () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("Connection refused");
            }
            return 42;
        });

        assertEquals(42, value);
    }

    @Test
    void claims_are_the_decoded_payload_of_a_jwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{\"team\":\"east-1\",\"aud\":[\"sales-api\"]}".getBytes(StandardCharsets.UTF_8))
                + ".c2ln";

        assertEquals("east-1", StackClient.claims(jwt).path("team").asText());
        assertEquals("sales-api", StackClient.claims(jwt).path("aud").path(0).asText());
    }

    @Test
    void database_of_a_jdbc_url_is_its_path_without_parameters() {
        assertEquals("orders", DockerComposeConsistencyTest.databaseOf("jdbc:postgresql://postgres:5432/orders?ssl=false"));
        assertEquals("opportunity", DockerComposeConsistencyTest.databaseOf("jdbc:postgresql://127.0.0.1:5432/opportunity"));
    }
}
