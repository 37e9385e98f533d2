package com.salesaffairs.reporting.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.quarkus.arc.Arc;

/**
 * The channels a rebuild replays, found rather than listed: every incoming Kafka channel in the
 * configuration ({@code mp.messaging.incoming.<channel>.connector=smallrye-kafka}, topic from
 * {@code .topic}, else the channel's name) whose {@code @Incoming} method in this service takes a
 * {@code ConsumerRecord} (or, for a batch consumer, whose class has a public {@code onEvent(ConsumerRecord)}). A consumer added later is replayed without a change here; a channel listed in
 * {@code reporting.rebuild.exclude-channels} is not (for a channel whose effect is not a read model).
 */
@ApplicationScoped
public class ProjectionRebuildChannels {
    private static final Pattern CONNECTOR = Pattern.compile("^mp\\.messaging\\.incoming\\.([^.]+)\\.connector$");
    private static final String PACKAGE = "com.salesaffairs.reporting";

    private final Config config;

    public ProjectionRebuildChannels(Config config) {
        this.config = config;
    }

    /**
     * One consumed channel: its topic and the live consumer's method, invoked for each replayed record;
     * {@code batch}, when the consumer has a public {@code applyAll(List<ConsumerRecord>)} returning the
     * failed records as a map (its batch way), takes a whole poll of the topic at once.
     */
    public record Channel(String name, String topic, Object consumer, Method method, Method batch) {
        void deliver(ConsumerRecord<String, String> record) throws Exception {
            invoke(method, record);
        }

        /** Applies the records in one call; returns how many failed. */
        int deliverAll(List<ConsumerRecord<String, String>> records) throws Exception {
            return invoke(batch, records) instanceof java.util.Map<?, ?> failed ? failed.size() : 0;
        }

        private Object invoke(Method target, Object argument) throws Exception {
            try {
                return target.invoke(consumer, argument);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof Exception cause) {
                    throw cause;
                }
                throw e;
            }
        }
    }

    public List<Channel> channels() {
        List<String> excluded = config.getOptionalValues("reporting.rebuild.exclude-channels", String.class)
                .orElse(List.of());
        TreeSet<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher m = CONNECTOR.matcher(property);
            if (m.matches() && "smallrye-kafka".equals(config.getOptionalValue(property, String.class).orElse(""))
                    && !excluded.contains(m.group(1))) {
                names.add(m.group(1));
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            Optional<Method> method = incomingMethod(name);
            if (method.isEmpty()) {
                continue;
            }
            String topic = config.getOptionalValue("mp.messaging.incoming." + name + ".topic", String.class)
                    .orElse(name);
            Object consumer = Arc.container().instance(method.get().getDeclaringClass()).get();
            Method batch = Arrays.stream(method.get().getDeclaringClass().getMethods())
                    .filter(m -> "applyAll".equals(m.getName()) && m.getParameterCount() == 1
                            && m.getParameterTypes()[0] == List.class && java.util.Map.class.isAssignableFrom(m.getReturnType()))
                    .findFirst().orElse(null);
            channels.add(new Channel(name, topic, consumer, method.get(), batch));
        }
        return channels;
    }

    /**
     * The method a replayed record goes to: the {@code @Incoming} method when it takes one
     * {@code ConsumerRecord}; for a batch consumer (one taking a whole poll), the public
     * {@code onEvent(ConsumerRecord)} of the same class, its per-event way.
     */
    private static Optional<Method> incomingMethod(String channel) {
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            if (!type.getName().startsWith(PACKAGE)) {
                continue;
            }
            for (Method method : type.getMethods()) {
                Incoming incoming = method.getAnnotation(Incoming.class);
                if (incoming != null && channel.equals(incoming.value())) {
                    return takesOneRecord(method) ? Optional.of(method)
                            : Arrays.stream(type.getMethods())
                                    .filter(m -> "onEvent".equals(m.getName()) && takesOneRecord(m)).findFirst();
                }
            }
        }
        return Optional.empty();
    }

    private static boolean takesOneRecord(Method method) {
        return method.getParameterCount() == 1 && method.getParameterTypes()[0] == ConsumerRecord.class;
    }
}
