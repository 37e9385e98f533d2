package com.salesaffairs.e2e.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Issue 15's benchmark of reporting-service: N settled order lines (four-line orders spread over one
 * year, with customers, opportunities and targets for the market and pipeline analyses) are produced to
 * benchmark topics; a plain {@link KafkaConsumer} reads the order topic from the beginning (the
 * baseline); then the packaged reporting-service jar, on its own database, consumes the same topics
 * through its real consumer path (inbox, read models). It prints the events per second of both and
 * their ratio, then p50/p99 of the trend, market and pipeline queries over that year with real
 * Keycloak tokens. Run by deploy/local/bench-reporting.sh, which prepares database and topics.
 *
 * <p>Argument: order lines (default 1,000,000). System properties: {@code bench.topic},
 * {@code bench.opportunityTopic}, {@code bench.performanceTopic}, {@code bench.emptyTopic} (topics of
 * this run), {@code bench.jar}, {@code bench.port}, {@code bench.dbUrl}, {@code bench.dbName},
 * {@code bench.dbUser}, {@code bench.dbPassword}, {@code bench.pgPort}, {@code bench.serviceJavaOpts},
 * {@code bench.log}, {@code bench.queries} (timed calls per query, default 200), {@code bench.year}
 * (default 2025).
 */
public final class ReportingBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOTSTRAP = System.getProperty("bench.bootstrap", "127.0.0.1:9092");
    private static final String KEYCLOAK = System.getProperty("bench.keycloak", "http://localhost:8180/realms/sales");
    private static final String[] REGIONS = { "east", "west", "north", "south" };
    private static final String[][] TEAMS = { { "east-1", "east-2" }, { "west-1", "west-2" }, { "north-1", "north-2" },
            { "south-1", "south-2" } };
    private static final String[] CHANNELS = { "DIRECT", "DISTRIBUTOR", "ONLINE", "TRADE_SHOW" };
    private static final String[] CATEGORIES = { "PUMPS", "VALVES", "PIPES", "METERS", "FILTERS", "SENSORS", "TOOLS",
            "SERVICE" };
    private static final String[] SEGMENTS = { "ENTERPRISE", "MID_MARKET", "SMALL_BUSINESS", "PUBLIC_SECTOR" };
    private static final String[] STAGES = { "QUALIFICATION", "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION" };
    private static final int[] PROBABILITY = { 10, 30, 60, 80 };
    /** The realm's reps keep their ids so that their own and their manager's views have data. */
    private static final String ALICE = "00000000-0000-4000-8000-0000000000a1";
    private static final String BOB = "00000000-0000-4000-8000-0000000000a2";
    private static final String CINDY = "00000000-0000-4000-8000-0000000000a3";
    private static final int REPS_PER_TEAM = 5;
    private static final int CUSTOMERS = 5_000;
    private static final int OPPORTUNITIES = 5_000;
    private static final Pattern CONNECTOR = Pattern.compile("^mp\\.messaging\\.incoming\\.([^.]+)\\.connector$");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Random random = new Random(15);
    private final int year = Integer.getInteger("bench.year", 2025);
    private final String orderTopic = System.getProperty("bench.topic", "bench.reporting.orders");
    private final String opportunityTopic = System.getProperty("bench.opportunityTopic", orderTopic + ".opportunities");
    private final String performanceTopic = System.getProperty("bench.performanceTopic", orderTopic + ".performance");
    private final String emptyTopic = System.getProperty("bench.emptyTopic", orderTopic + ".empty");
    private final int port = Integer.getInteger("bench.port", 8095);
    private final String base = "http://127.0.0.1:" + port;
    private final List<Customer> customers = new ArrayList<>();

    private record Customer(String id, String ownerId, String team, String region, String segment) {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        new ReportingBenchmark().run(Math.max(4, lines));
    }

    private void run(int lines) throws Exception {
        int orders = lines / 4;
        customers();
        long t0 = System.nanoTime();
        int contextEvents = produceContext();
        produceOrders(orders);
        double produceSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "produced orders=%d order_lines=%d context_events=%d (customers, opportunities, targets) in %.1fs to %s%n",
                orders, orders * 4, contextEvents, produceSeconds, orderTopic);

        // The baseline: a plain consumer reading the order topic from the start, values as strings
        // (what the service's deserializer hands its consumer method). Best of two passes.
        double plain = Math.max(plainConsumer(orders), plainConsumer(orders));
        System.out.printf(Locale.ROOT, "plain_consumer_events_per_s=%.0f%n", plain);

        // First the context (customers, opportunities, targets) alone, so that the order ingest below is
        // measured by itself; then the orders alone, on a service started again.
        Map<String, String> contextPhase = new LinkedHashMap<>();
        contextPhase.put("order-events", emptyTopic);
        contextPhase.put("opportunity-events", opportunityTopic);
        contextPhase.put("performance-events", performanceTopic);
        contextPhase.put("aftersales-events", emptyTopic);
        Process context = startService(contextPhase, "context");
        try {
            awaitContext(context);
        } finally {
            stop(context);
        }
        Map<String, String> orderPhase = new LinkedHashMap<>();
        orderPhase.put("order-events", orderTopic);
        orderPhase.put("opportunity-events", emptyTopic);
        orderPhase.put("performance-events", emptyTopic);
        orderPhase.put("aftersales-events", emptyTopic);
        Process service = startService(orderPhase, "orders");
        try {
            double ingest = awaitIngest(service, orders);
            System.out.printf(Locale.ROOT, "reporting_ingest_events_per_s=%.0f (%.0f order lines/s)%n", ingest, ingest * 4);
            System.out.printf(Locale.ROOT, "ratio_ingest_to_plain_consumer=%.3f (goal >= 0.333)%n", ingest / plain);
            System.out.println("read models: " + psql("SELECT 'sales_fact=' || (SELECT count(*) FROM sales_fact)"
                    + " || ' sales_fact_line=' || (SELECT count(*) FROM sales_fact_line)"
                    + " || ' inbox_event=' || (SELECT count(*) FROM inbox_event)"
                    + " || ' sales_day_fact=' || " + countIfTable("sales_day_fact")
                    + " || ' sales_day_rep_fact=' || " + countIfTable("sales_day_rep_fact")
                    + " || ' sales_day_category_fact=' || " + countIfTable("sales_day_category_fact")
                    + " || ' customer_fact=' || " + countIfTable("customer_fact")
                    + " || ' opportunity_fact=' || " + countIfTable("opportunity_fact")
                    + " || ' target_fact=' || " + countIfTable("target_fact")));
            psql("VACUUM ANALYZE");
            queries();
        } finally {
            stop(service);
        }
    }

    private static void stop(Process service) throws InterruptedException {
        service.destroy();
        if (!service.waitFor(30, TimeUnit.SECONDS)) {
            service.destroyForcibly();
        }
    }

    // --- data --------------------------------------------------------------------------------------

    private void customers() {
        for (int c = 0; c < CUSTOMERS; c++) {
            int r = random.nextInt(REGIONS.length);
            int t = random.nextInt(2);
            int rep = random.nextInt(REPS_PER_TEAM);
            String team = TEAMS[r][t];
            String owner = team.equals("east-1") && rep == 0 ? ALICE
                    : team.equals("east-1") && rep == 1 ? BOB
                    : team.equals("west-1") && rep == 0 ? CINDY
                    : new UUID(0x0b0b0b0b0b0b4b0bL, (r * 100 + t * 10 + rep) | 0x8000000000000000L).toString();
            customers.add(new Customer(UUID.randomUUID().toString(), owner, team, REGIONS[r],
                    SEGMENTS[random.nextInt(SEGMENTS.length)]));
        }
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
        return new KafkaProducer<>(p);
    }

    private static ProducerRecord<String, String> event(String topic, String source, String type, String subject,
            Instant time, String payload) {
        ProducerRecord<String, String> r = new ProducerRecord<>(topic, subject, payload);
        header(r, "ce_specversion", "1.0");
        header(r, "ce_id", UUID.randomUUID().toString());
        header(r, "ce_source", source);
        header(r, "ce_type", type);
        header(r, "ce_subject", subject);
        header(r, "ce_time", time.toString());
        header(r, "content-type", "application/json");
        return r;
    }

    private static void header(ProducerRecord<String, String> r, String key, String value) {
        r.headers().add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8)));
    }

    private Instant someTimeIn(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        return first.plusDays(random.nextInt(days)).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextInt(86_400));
    }

    /** Customers (with segments), opportunities in every stage, and team targets split by month. */
    private int produceContext() {
        int n = 0;
        Instant registered = LocalDate.of(year - 1, 12, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (KafkaProducer<String, String> producer = producer()) {
            int i = 0;
            for (Customer c : customers) {
                String payload = "{\"customerId\":\"" + c.id() + "\",\"name\":\"Bench customer " + i++
                        + "\",\"industry\":\"Water\",\"country\":\"CN\",\"city\":\"Hangzhou\",\"ownerId\":\"" + c.ownerId()
                        + "\",\"team\":\"" + c.team() + "\",\"region\":\"" + c.region() + "\",\"version\":1,\"registeredAt\":\""
                        + registered + "\",\"updatedAt\":\"" + registered + "\",\"registrationId\":null,\"segment\":\""
                        + c.segment() + "\",\"address\":null,\"email\":null,\"phone\":null,\"contacts\":[]}";
                producer.send(event(opportunityTopic, "/opportunity-service", "sales.customer.registered.v1", c.id(),
                        registered, payload));
                n++;
            }
            for (int o = 0; o < OPPORTUNITIES; o++) {
                Customer c = customers.get(random.nextInt(customers.size()));
                String id = UUID.randomUUID().toString();
                Instant captured = someTimeIn(year);
                int reached = random.nextInt(STAGES.length);
                LocalDate close = LocalDate.ofInstant(captured, ZoneOffset.UTC).plusDays(30 + random.nextInt(120));
                String amount = (1000 + random.nextInt(200_000)) + ".00";
                Instant at = captured;
                for (int s = 0; s <= reached; s++) {
                    String common = "\"opportunityId\":\"" + id + "\",\"customerId\":\"" + c.id()
                            + "\",\"customerName\":\"Bench customer\",\"title\":\"Bench deal " + o
                            + "\",\"source\":\"REFERRAL\",\"capturedBy\":\"" + c.ownerId() + "\",\"capturedAt\":\"" + captured
                            + "\",\"assigneeId\":\"" + c.ownerId() + "\",\"team\":\"" + c.team() + "\",\"region\":\"" + c.region()
                            + "\",\"stage\":\"" + STAGES[s] + "\",\"probability\":" + PROBABILITY[s] + ",\"estimatedAmount\":"
                            + amount + ",\"currency\":\"CNY\",\"expectedCloseDate\":\"" + close + "\",\"version\":" + (s + 1)
                            + ",\"recordedAt\":\"" + at + "\"";
                    String type;
                    String payload;
                    if (s == 0) {
                        type = "sales.opportunity.created.v1";
                        payload = "{" + common + ",\"productsOfInterest\":[],\"nextFollowUpAt\":\"" + at.plusSeconds(86_400) + "\"}";
                    } else {
                        type = "sales.opportunity.stage-changed.v1";
                        payload = "{" + common + ",\"fromStage\":\"" + STAGES[s - 1] + "\",\"changedBy\":\"" + c.ownerId()
                                + "\",\"changedAt\":\"" + at + "\"}";
                    }
                    producer.send(event(opportunityTopic, "/opportunity-service", type, id, at, payload));
                    n++;
                    at = at.plusSeconds(3 * 86_400L);
                }
            }
            for (String[] region : TEAMS) {
                for (String team : region) {
                    String id = UUID.randomUUID().toString();
                    StringBuilder split = new StringBuilder();
                    for (int m = 1; m <= 12; m++) {
                        split.append(m > 1 ? "," : "").append("{\"month\":\"").append(year).append('-')
                                .append(m < 10 ? "0" : "").append(m).append("\",\"amount\":2500000.00}");
                    }
                    Instant approved = LocalDate.of(year - 1, 12, 15).atStartOfDay(ZoneOffset.UTC).toInstant();
                    String payload = "{\"targetId\":\"" + id + "\",\"level\":\"TEAM\",\"subject\":\"" + team + "\",\"team\":\""
                            + team + "\",\"region\":\"" + team.substring(0, team.indexOf('-')) + "\",\"period\":\"" + year
                            + "\",\"periodKind\":\"YEAR\",\"currency\":\"CNY\",\"amount\":30000000.00,\"monthlySplit\":[" + split
                            + "],\"version\":1,\"approvedBy\":\"00000000-0000-4000-8000-0000000000a6\",\"proposalId\":\""
                            + UUID.randomUUID() + "\",\"adjusted\":false,\"approvedAt\":\"" + approved + "\"}";
                    producer.send(event(performanceTopic, "/performance-service", "sales.target.approved.v1", id, approved,
                            payload));
                    n++;
                }
            }
            producer.flush();
        }
        return n;
    }

    /** Four-line settled orders, day by day through the year, as order-service publishes them. */
    private void produceOrders(int orders) {
        LocalDate first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        try (KafkaProducer<String, String> producer = producer()) {
            StringBuilder b = new StringBuilder(2048);
            for (int o = 0; o < orders; o++) {
                Customer c = customers.get(random.nextInt(customers.size()));
                Instant settledAt = first.plusDays((long) o * days / orders).atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plusSeconds(random.nextInt(86_400));
                String orderId = UUID.randomUUID().toString();
                b.setLength(0);
                long net = 0;
                long cost = 0;
                StringBuilder lines = new StringBuilder(800);
                for (int l = 1; l <= 4; l++) {
                    int quantity = 1 + random.nextInt(10);
                    long unit = 500 + random.nextInt(50_000); // cents
                    long lineNet = unit * quantity * 85 / 100;
                    long lineCost = unit * quantity * (40 + random.nextInt(30)) / 100;
                    net += lineNet;
                    cost += lineCost;
                    lines.append(l > 1 ? "," : "").append("{\"lineNo\":").append(l).append(",\"sku\":\"SKU-")
                            .append(random.nextInt(400)).append("\",\"productName\":\"Bench product\",\"category\":\"")
                            .append(CATEGORIES[random.nextInt(CATEGORIES.length)]).append("\",\"quantity\":").append(quantity)
                            .append(",\"unitPrice\":").append(money(unit)).append(",\"discountPct\":15,\"netAmount\":")
                            .append(money(lineNet)).append(",\"costAmount\":").append(money(lineCost)).append('}');
                }
                b.append("{\"orderId\":\"").append(orderId).append("\",\"orderNumber\":\"SO-").append(year).append('-')
                        .append(o).append("\",\"status\":\"SETTLED\",\"customerId\":\"").append(c.id())
                        .append("\",\"customerName\":\"Bench customer\",\"opportunityId\":null,\"ownerId\":\"").append(c.ownerId())
                        .append("\",\"team\":\"").append(c.team()).append("\",\"region\":\"").append(c.region())
                        .append("\",\"channel\":\"").append(CHANNELS[random.nextInt(CHANNELS.length)])
                        .append("\",\"currency\":\"CNY\",\"netAmount\":").append(money(net)).append(",\"costAmount\":")
                        .append(money(cost)).append(",\"submittedAt\":\"").append(settledAt.minusSeconds(86_400 * 7))
                        .append("\",\"approvedAt\":\"").append(settledAt.minusSeconds(86_400 * 6)).append("\",\"settledAt\":\"")
                        .append(settledAt).append("\",\"lines\":[").append(lines).append("]}");
                producer.send(event(orderTopic, "/order-service", "sales.order.settled.v1", orderId, settledAt, b.toString()));
            }
            producer.flush();
        }
    }

    private static String money(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }

    // --- baseline ----------------------------------------------------------------------------------

    private double plainConsumer(int events) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(orderTopic)) {
                partitions.add(new TopicPartition(orderTopic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long start = System.nanoTime();
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            int read = 0;
            long bytes = 0;
            while (read < events && System.nanoTime() < deadline) {
                ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> r : records) {
                    bytes += r.value().length();
                    read++;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "plain consumer pass: %d events (%.0f MB of values) in %.2fs%n", read, bytes / 1e6,
                    seconds);
            return read / seconds;
        }
    }

    // --- the service -------------------------------------------------------------------------------

    private Process startService(Map<String, String> channels, String phase) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + "/bin/java");
        command.add("-Xmx" + System.getProperty("bench.serviceHeap", "256m"));
        String opts = System.getProperty("bench.serviceJavaOpts", "").trim();
        if (!opts.isEmpty() && phase.equals("orders")) {
            command.addAll(List.of(opts.split("\\s+")));
        }
        String group = "reporting-bench-" + phase + "-" + UUID.randomUUID().toString().substring(0, 8);
        String jar = System.getProperty("bench.jar", "reporting-service/target/quarkus-app/quarkus-run.jar");
        Set<String> consumed = consumedChannels(jar);
        for (Map.Entry<String, String> c : channels.entrySet()) {
            if (!consumed.contains(c.getKey())) {
                System.out.println("reporting-service: no channel " + c.getKey() + " in this build; " + c.getValue() + " is not consumed");
                continue;
            }
            command.add("-Dmp.messaging.incoming." + c.getKey() + ".topic=" + c.getValue());
            command.add("-Dmp.messaging.incoming." + c.getKey() + ".group.id=" + group);
        }
        command.add("-jar");
        command.add(jar);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        pb.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        pb.environment().put("DB_URL", System.getProperty("bench.dbUrl", "jdbc:postgresql://127.0.0.1:5432/reporting_bench"));
        pb.environment().put("DB_USER", System.getProperty("bench.dbUser", "reporting"));
        pb.environment().put("DB_PASSWORD", System.getProperty("bench.dbPassword", "reporting-local-pw"));
        pb.environment().put("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP);
        pb.environment().put("OIDC_AUTH_SERVER_URL", KEYCLOAK);
        File log = new File(System.getProperty("bench.log", "reporting-bench.log").replace(".log", "-" + phase + ".log"));
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.to(log));
        System.out.println("reporting-service (" + phase + "): " + String.join(" ", command) + " (log " + log + ")");
        return pb.start();
    }

    /** The incoming Kafka channels of the packaged service (its application.properties in quarkus-app/app/). */
    private static Set<String> consumedChannels(String jar) throws IOException {
        Set<String> channels = new TreeSet<>();
        File[] apps = new File(new File(jar).getAbsoluteFile().getParentFile(), "app").listFiles((d, n) -> n.endsWith(".jar"));
        for (File app : apps == null ? new File[0] : apps) {
            try (ZipFile zip = new ZipFile(app)) {
                ZipEntry entry = zip.getEntry("application.properties");
                if (entry == null) {
                    continue;
                }
                Properties p = new Properties();
                try (InputStream in = zip.getInputStream(entry)) {
                    p.load(in);
                }
                for (String key : p.stringPropertyNames()) {
                    Matcher m = CONNECTOR.matcher(key);
                    if (m.matches()) {
                        channels.add(m.group(1));
                    }
                }
            }
        }
        return channels;
    }

    /**
     * Waits until every order is a fact, and rates the ingest by the facts' own recording times
     * ({@code recorded_at} is taken as each event is applied): the first to the last, so neither the
     * service's start nor the polling here counts.
     */
    private double awaitIngest(Process service, int orders) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.getLong("bench.ingestTimeout", 3600));
        long last = -1;
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("reporting-service exited (" + service.exitValue() + "); see its log");
            }
            String count = psqlQuiet("SELECT count(*) FROM sales_fact");
            long n = count == null || count.isBlank() ? 0 : Long.parseLong(count.trim());
            if (n != last && n > 0) {
                System.out.printf(Locale.ROOT, "  ingested %d of %d orders%n", n, orders);
            }
            last = n;
            if (n >= orders) {
                break;
            }
            Thread.sleep(n > 0 ? 5000 : 1000);
        }
        if (last < orders) {
            throw new IllegalStateException("only " + last + " of " + orders + " orders ingested before the timeout");
        }
        String[] span = psql("SELECT count(*) || ' ' || extract(epoch FROM max(recorded_at) - min(recorded_at)) FROM sales_fact")
                .trim().split(" ");
        double seconds = Double.parseDouble(span[1]);
        System.out.printf(Locale.ROOT, "reporting ingest: %s orders recorded in %.2fs (first to last recorded_at)%n", span[0],
                seconds);
        return (Long.parseLong(span[0]) - 1) / seconds;
    }

    /** Waits until the customer, opportunity and target facts are all in (those the build consumes). */
    private void awaitContext(Process service) throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(Long.getLong("bench.contextTimeout", 900));
        String expected = CUSTOMERS + "/" + OPPORTUNITIES + "/" + TEAMS.length * 2;
        String now = "";
        String before = "";
        int still = 0;
        while (System.nanoTime() < deadline && service.isAlive()) {
            Thread.sleep(3000);
            now = psql("SELECT " + countIfTable("customer_fact") + " || '/' || " + countIfTable("opportunity_fact")
                    + " || '/' || " + countIfTable("target_fact"));
            if (now.equals(expected)) {
                break;
            }
            // a build without some of these consumers: done once nothing has moved for 15 s
            still = now.equals(before) ? still + 1 : 0;
            before = now;
            if (still >= 5) {
                break;
            }
        }
        System.out.printf(Locale.ROOT, "context facts (customers/opportunities/targets): %s of %s in %.0fs%n", now, expected,
                (System.nanoTime() - started) / 1e9);
    }

    private static String countIfTable(String table) {
        return "(SELECT CASE WHEN to_regclass('" + table + "') IS NULL THEN 'no table' ELSE (xpath('/row/c/text()', "
                + "query_to_xml('SELECT count(*) AS c FROM " + table + "', false, true, '')))[1]::text END)";
    }

    private String psql(String sql) throws IOException, InterruptedException {
        String out = psqlQuiet(sql);
        if (out == null) {
            throw new IllegalStateException("psql failed: " + sql);
        }
        return out.trim();
    }

    private String psqlQuiet(String sql) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("psql", "-X", "-q", "-At", "-h", "127.0.0.1", "-p",
                System.getProperty("bench.pgPort", "5432"), "-U", System.getProperty("bench.dbUser", "reporting"), "-d",
                System.getProperty("bench.dbName", "reporting_bench"), "-c", sql);
        pb.environment().put("PGPASSWORD", System.getProperty("bench.dbPassword", "reporting-local-pw"));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }

    // --- queries -----------------------------------------------------------------------------------

    private void queries() throws Exception {
        int calls = Integer.getInteger("bench.queries", 200);
        String from = year + "-01-01";
        String to = year + "-12-31";
        String range = "from=" + from + "&to=" + to;
        Map<String, String[]> queries = new LinkedHashMap<>();
        queries.put("trend month (director, all teams)", new String[] { "diana", "/api/v1/reports/sales-trend?granularity=month&" + range });
        queries.put("trend week by region (director)", new String[] { "diana", "/api/v1/reports/sales-trend?granularity=week&groupBy=region&" + range });
        queries.put("trend day by channel (director)", new String[] { "diana", "/api/v1/reports/sales-trend?granularity=day&groupBy=channel&" + range });
        queries.put("trend month by category (director)", new String[] { "diana", "/api/v1/reports/sales-trend?granularity=month&groupBy=category&" + range });
        queries.put("trend quarter by rep (director)", new String[] { "diana", "/api/v1/reports/sales-trend?granularity=quarter&groupBy=rep&" + range });
        queries.put("trend week (manager, own team)", new String[] { "mike", "/api/v1/reports/sales-trend?granularity=week&" + range });
        queries.put("trend month (rep, own)", new String[] { "alice", "/api/v1/reports/sales-trend?granularity=month&" + range });
        queries.put("market by region (director)", new String[] { "diana", "/api/v1/reports/market?dimension=region&" + range });
        queries.put("market by channel (director)", new String[] { "diana", "/api/v1/reports/market?dimension=channel&" + range });
        queries.put("market by segment (director)", new String[] { "diana", "/api/v1/reports/market?dimension=segment&" + range });
        queries.put("market by region (manager)", new String[] { "mike", "/api/v1/reports/market?dimension=region&" + range });
        queries.put("pipeline (director)", new String[] { "diana", "/api/v1/reports/pipeline?" + range });
        queries.put("pipeline (manager)", new String[] { "mike", "/api/v1/reports/pipeline?" + range });
        System.out.printf(Locale.ROOT, "queries over %s..%s, %d timed calls each after 20 untimed, one client:%n", from, to, calls);
        System.out.printf(Locale.ROOT, "%-38s %6s %8s %8s %8s  %s%n", "query", "calls", "p50_ms", "p99_ms", "max_ms", "answer");
        List<Long> all = new ArrayList<>();
        for (Map.Entry<String, String[]> q : queries.entrySet()) {
            String user = q.getValue()[0];
            String url = base + q.getValue()[1];
            HttpResponse<String> first = get(user, url);
            if (first.statusCode() != 200) {
                String body = first.body().length() > 160 ? first.body().substring(0, 160) + "..." : first.body();
                System.out.printf(Locale.ROOT, "%-38s skipped: HTTP %d %s%n", q.getKey(), first.statusCode(),
                        body.replace('\n', ' '));
                continue;
            }
            for (int i = 0; i < 20; i++) {
                get(user, url);
            }
            List<Long> took = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = get(user, url);
                took.add(System.nanoTime() - t);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
                }
            }
            Collections.sort(took);
            all.addAll(took);
            System.out.printf(Locale.ROOT, "%-38s %6d %8.1f %8.1f %8.1f  %s%n", q.getKey(), calls, pct(took, 50), pct(took, 99),
                    took.get(took.size() - 1) / 1e6, summary(first.body()));
        }
        Collections.sort(all);
        System.out.printf(Locale.ROOT, "%-38s %6d %8.1f %8.1f %8.1f%n", "all queries", all.size(), pct(all, 50), pct(all, 99),
                all.isEmpty() ? Double.NaN : all.get(all.size() - 1) / 1e6);
    }

    private static String summary(String body) {
        try {
            JsonNode n = JSON.readTree(body);
            if (n.has("points")) {
                return n.get("points").size() + " points";
            }
            List<String> fields = new ArrayList<>();
            n.fieldNames().forEachRemaining(fields::add);
            return body.length() + " bytes; fields " + fields;
        } catch (IOException e) {
            return body.length() + " bytes";
        }
    }

    private HttpResponse<String> get(String user, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private final Map<String, String[]> tokens = new LinkedHashMap<>();

    /** A user's access token from the local Keycloak (client sales-cli), renewed a minute before it expires. */
    private String token(String user) throws IOException, InterruptedException {
        String[] held = tokens.get(user);
        if (held != null && System.nanoTime() < Long.parseLong(held[1])) {
            return held[0];
        }
        String form = "grant_type=password&client_id=sales-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=sales123";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(KEYCLOAK + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        if (!body.hasNonNull("access_token")) {
            throw new IllegalStateException("no token for " + user + ": " + r.body());
        }
        long lifetime = Math.max(body.path("expires_in").asLong(300) - 60, 30);
        tokens.put(user, new String[] { body.get("access_token").asText(),
                String.valueOf(System.nanoTime() + lifetime * 1_000_000_000L) });
        return tokens.get(user)[0];
    }

    private static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(i, sorted.size() - 1))) / 1e6;
    }
}
