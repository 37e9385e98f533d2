package com.salesaffairs.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event types a service's AsyncAPI document ({@code asyncapi.yaml} on its classpath) names as
 * messages. The outbox records only these, so an event that consumers could not look up in the
 * document is refused where it is written, in the tests that write it, not discovered by an ERP team.
 */
public final class DocumentedEventTypes {
    private static final Pattern MESSAGE_NAME = Pattern.compile("(?m)^\\s+name:\\s*'?(sales\\.[a-z0-9.\\-]+)'?\\s*$");

    private final Set<String> types;

    private DocumentedEventTypes(Set<String> types) {
        this.types = Set.copyOf(types);
    }

    /** The message names of an AsyncAPI document's text. */
    public static DocumentedEventTypes of(String asyncApiDocument) {
        Set<String> types = new TreeSet<>();
        Matcher names = MESSAGE_NAME.matcher(asyncApiDocument);
        while (names.find()) {
            types.add(names.group(1));
        }
        return new DocumentedEventTypes(types);
    }

    /** The types named by {@code asyncapi.yaml} on the classpath; none if the service has no document. */
    public static DocumentedEventTypes fromClasspath() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("asyncapi.yaml")) {
            return of(in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("asyncapi.yaml cannot be read", e);
        }
    }

    public boolean contains(String eventType) {
        return types.contains(eventType);
    }

    public Set<String> types() {
        return types;
    }
}
