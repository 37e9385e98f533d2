package com.salesaffairs.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml can't run on this machine, so it is kept honest by comparison: with each
 * service's application.properties (the defaults that deploy/local and the tests rely on), its
 * Dockerfile.jvm, deploy/local's lists of databases and topics, and the realm in identity-config.
 * Runs without the stack (Surefire).
 */
class DockerComposeConsistencyTest {
    private static final List<String> SERVICES = List.of("opportunity-service", "order-service",
            "aftersales-service", "performance-service", "reporting-service");
    private static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
    private static final String KEYCLOAK_IMPORT_DIR = "/opt/keycloak/data/import/";
    private static final String POSTGRES_INIT_DIR = "/docker-entrypoint-initdb.d/";
    /** {@code ${ENV_VAR:default}} as application.properties writes an overridable value. */
    private static final Pattern ENV_WITH_DEFAULT = Pattern.compile("^\\$\\{([A-Za-z0-9_]+):(.*)}$");
    private static final Pattern TOPIC_KEY = Pattern.compile(
            "^mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.(topic|topics|dead-letter-queue\\.topic)$");
    private static final Pattern CREATE_TOPIC = Pattern.compile("--topic\\s+(\\S+)\\s+--partitions\\s+(\\d+)");
    private static final Pattern CREATE_USER = Pattern.compile(
            "CREATE\\s+(?:USER|ROLE)\\s+\"?(\\w+)\"?\\s+WITH\\b[^;]*\\bPASSWORD\\s+'([^']*)'", Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_DATABASE = Pattern.compile(
            "CREATE\\s+DATABASE\\s+\"?(\\w+)\"?\\s+OWNER\\s+\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);
    /** A registry host is an image's first path part when it has a dot or a port, or is localhost. */
    private static final Pattern REGISTRY_HOST = Pattern.compile("^[^/]*([.:][^/]*|localhost)/.*");

    private static Path root;
    private static Map<String, Object> compose;
    private static Map<String, Object> composeServices;

    @BeforeAll
    static void readCompose() throws IOException {
        root = LocalStack.repoRoot();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = map(new Yaml().load(reader), "docker-compose.yml");
        }
        composeServices = map(compose.get("services"), "services");
    }

    static Stream<String> services() {
        return SERVICES.stream();
    }

    // --- each service ------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void service_is_built_from_its_own_folder_with_its_Dockerfile_jvm(String service) {
        Map<String, Object> build = map(service(service).get("build"), service + ".build");

        assertEquals(service, Path.of(text(build.get("context"))).normalize().toString(),
                service + ": build context is the service folder");
        assertEquals(DOCKERFILE, text(build.get("dockerfile")), service + ": dockerfile");
        assertTrue(Files.isRegularFile(root.resolve(service).resolve(DOCKERFILE)), service + "/" + DOCKERFILE + " exists");
        assertFalse(service(service).containsKey("image"), service + ": built here, not pulled");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void compose_publishes_the_http_port_of_the_service_properties(String service) throws IOException {
        int port = Integer.parseInt(properties(service).getProperty("quarkus.http.port"));

        List<int[]> published = ports(service);

        assertTrue(published.stream().anyMatch(p -> p[0] == port && p[1] == port),
                service + ": publishes " + port + ":" + port + " (quarkus.http.port), found " + describe(published));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void dockerfile_exposes_the_http_port_of_the_service_properties(String service) throws IOException {
        String port = properties(service).getProperty("quarkus.http.port");

        List<String> exposed = dockerfileInstructions(service, "EXPOSE");

        assertEquals(List.of(port), exposed, service + ": EXPOSE the quarkus.http.port");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void dockerfile_runs_the_packaged_quarkus_app_as_a_non_root_user_on_java_17(String service) throws IOException {
        assertEquals(List.of("eclipse-temurin:17-jre"), dockerfileInstructions(service, "FROM"), service + ": base image");
        List<String> copies = dockerfileInstructions(service, "COPY");
        assertTrue(copies.stream().anyMatch(c -> c.contains("target/quarkus-app/lib/")), service + ": copies lib/");
        assertTrue(copies.stream().anyMatch(c -> c.contains("target/quarkus-app/app/")), service + ": copies app/");
        assertTrue(copies.stream().anyMatch(c -> c.contains("target/quarkus-app/quarkus/")), service + ": copies quarkus/");
        List<String> users = dockerfileInstructions(service, "USER");
        assertFalse(users.isEmpty(), service + ": sets a USER");
        String user = users.get(users.size() - 1);
        assertFalse(user.equals("root") || user.equals("0") || user.startsWith("0:"), service + ": runs as " + user);
        List<String> entrypoint = dockerfileInstructions(service, "ENTRYPOINT");
        assertEquals(1, entrypoint.size(), service + ": one ENTRYPOINT");
        assertTrue(entrypoint.get(0).contains("java $JAVA_OPTS -jar /deployments/quarkus-run.jar"),
                service + ": java -jar quarkus-run.jar honouring JAVA_OPTS: " + entrypoint.get(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void service_properties_read_the_variables_compose_sets(String service) throws IOException {
        Properties props = properties(service);

        assertEquals("DB_URL", envName(props, "quarkus.datasource.jdbc.url"), service);
        assertEquals("DB_USER", envName(props, "quarkus.datasource.username"), service);
        assertEquals("DB_PASSWORD", envName(props, "quarkus.datasource.password"), service);
        assertEquals("KAFKA_BOOTSTRAP_SERVERS", envName(props, "kafka.bootstrap.servers"), service);
        assertEquals("OIDC_AUTH_SERVER_URL", envName(props, prodKey(props, "quarkus.oidc.auth-server-url")), service);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void service_listens_on_all_interfaces_inside_its_container(String service) throws IOException {
        String propertiesHost = properties(service).getProperty("quarkus.http.host");

        assertEquals("0.0.0.0", environment(service).get("QUARKUS_HTTP_HOST"),
                service + ": QUARKUS_HTTP_HOST (the properties say " + propertiesHost + ", unreachable through a port)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void db_url_names_the_database_of_the_default_jdbc_url(String service) throws IOException {
        String expected = databaseOf(defaultValue(properties(service), "quarkus.datasource.jdbc.url"));
        String dbUrl = environment(service).get("DB_URL");

        assertNotNull(dbUrl, service + ": DB_URL is set");
        assertTrue(dbUrl.startsWith("jdbc:postgresql://postgres:"), service + ": DB_URL points at the compose postgres: " + dbUrl);
        assertEquals(expected, databaseOf(dbUrl), service + ": database in DB_URL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void db_user_and_password_are_the_property_defaults(String service) throws IOException {
        Properties props = properties(service);
        Map<String, String> env = environment(service);

        assertEquals(defaultValue(props, "quarkus.datasource.username"), env.get("DB_USER"), service + ": DB_USER");
        assertEquals(defaultValue(props, "quarkus.datasource.password"), env.get("DB_PASSWORD"), service + ": DB_PASSWORD");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void postgres_init_creates_the_service_database_owned_by_its_user_with_its_password(String service)
            throws IOException {
        Properties props = properties(service);
        String database = databaseOf(defaultValue(props, "quarkus.datasource.jdbc.url"));
        String user = defaultValue(props, "quarkus.datasource.username");
        String initSql = postgresInitSql();

        Map<String, String> owners = matches(CREATE_DATABASE, initSql);
        Map<String, String> passwords = matches(CREATE_USER, initSql);

        assertEquals(user, owners.get(database), service + ": CREATE DATABASE " + database + " OWNER " + user + " in " + owners);
        assertEquals(defaultValue(props, "quarkus.datasource.password"), passwords.get(user),
                service + ": CREATE USER " + user + " ... PASSWORD");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void kafka_bootstrap_servers_points_at_a_listener_the_compose_broker_advertises(String service) {
        String bootstrap = environment(service).get("KAFKA_BOOTSTRAP_SERVERS");
        String host = bootstrap == null ? null : bootstrap.split(":")[0];

        assertNotNull(bootstrap, service + ": KAFKA_BOOTSTRAP_SERVERS is set");
        assertTrue(composeServices.containsKey(host), service + ": " + host + " is a compose service");
        assertTrue(text(service(host).get("image")).startsWith("apache/kafka:"), host + " runs the Kafka broker");
        String advertised = environment(host).getOrDefault("KAFKA_ADVERTISED_LISTENERS", "");
        assertTrue(advertised.contains("://" + bootstrap), service + ": " + bootstrap + " is advertised by the broker: " + advertised);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void oidc_auth_server_url_is_the_sales_realm_of_the_compose_keycloak(String service) {
        String oidc = environment(service).get("OIDC_AUTH_SERVER_URL");

        assertNotNull(oidc, service + ": OIDC_AUTH_SERVER_URL is set");
        assertTrue(oidc.endsWith("/realms/sales"), service + ": realm sales: " + oidc);
        String host = URI.create(oidc).getHost();
        assertTrue(composeServices.containsKey(host) && text(service(host).get("image")).startsWith("keycloak/keycloak:"),
                service + ": " + host + " is the compose Keycloak");
        // the issuer Keycloak stamps into tokens must be the URL the service validates against
        assertEquals(environment(host).get("KC_HOSTNAME") + "/realms/sales", oidc,
                service + ": OIDC_AUTH_SERVER_URL is KC_HOSTNAME + /realms/sales");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void every_topic_the_service_consumes_and_dead_letters_is_created_by_topic_init(String service) throws IOException {
        Set<String> named = topicsNamedIn(properties(service));
        Set<String> created = topicInitCreates().keySet();

        Set<String> missing = new TreeSet<>(named);
        missing.removeAll(created);
        assertTrue(missing.isEmpty(), service + ": topics in application.properties not created by kafka-init: " + missing);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void service_starts_after_postgres_keycloak_and_the_topics_are_ready(String service) {
        Map<String, Object> dependsOn = map(service(service).get("depends_on"), service + ".depends_on");

        assertEquals("service_healthy", condition(dependsOn, "postgres"), service + " waits for postgres");
        assertEquals("service_healthy", condition(dependsOn, "keycloak"), service + " waits for keycloak");
        assertEquals("service_completed_successfully", condition(dependsOn, "kafka-init"),
                service + " waits for the topics");
        assertTrue(service(service).containsKey("healthcheck"), service + " has a healthcheck");
    }

    // --- infrastructure ----------------------------------------------------------------------

    @Test
    void topic_init_creates_the_deploy_local_topics_and_their_dlq_with_three_partitions() throws IOException {
        Set<String> expected = new TreeSet<>();
        for (String topic : bashArray(root.resolve("deploy/local/lib.sh"), "TOPICS")) {
            expected.add(topic);
            expected.add(topic + ".dlq");
        }
        Map<String, String> created = topicInitCreates();

        assertEquals(12, expected.size(), "deploy/local/lib.sh TOPICS: " + expected);
        assertEquals(expected, new TreeSet<>(created.keySet()), "kafka-init topics");
        created.forEach((topic, partitions) -> assertEquals("3", partitions, topic + " partitions"));
        assertEquals("service_healthy", condition(map(service("kafka-init").get("depends_on"), "kafka-init.depends_on"),
                "kafka"), "kafka-init waits for the broker");
    }

    @Test
    void postgres_init_creates_the_deploy_local_databases_and_runs_at_first_start() throws IOException {
        Set<String> created = matches(CREATE_DATABASE, postgresInitSql()).keySet();

        assertEquals(new TreeSet<>(bashArray(root.resolve("deploy/local/lib.sh"), "DATABASES")), new TreeSet<>(created));
        assertTrue(text(service("postgres").get("image")).startsWith("postgres:15"), "PostgreSQL 15");
    }

    @Test
    void keycloak_imports_the_sales_realm_from_identity_config() throws IOException {
        Map<String, Object> keycloak = service("keycloak");
        String command = commandLine(keycloak.get("command"));
        List<String> volumes = list(keycloak.get("volumes"), "keycloak.volumes").stream().map(Object::toString).toList();

        assertTrue(command.contains("start-dev") && command.contains("--import-realm"), "keycloak command: " + command);
        assertTrue(volumes.stream().anyMatch(v -> {
            String[] parts = v.split(":");
            return parts.length >= 2 && Path.of(parts[0]).normalize().equals(Path.of("identity-config/realm-sales.json"))
                    && parts[1].startsWith(KEYCLOAK_IMPORT_DIR) && parts[1].endsWith(".json");
        }), "identity-config/realm-sales.json mounted into " + KEYCLOAK_IMPORT_DIR + ": " + volumes);
        String realm = Files.readString(root.resolve("identity-config/realm-sales.json"));
        assertTrue(realm.matches("(?s).*\"realm\"\\s*:\\s*\"sales\".*"), "the file is realm sales");
    }

    @Test
    void images_are_the_versions_of_the_design_and_name_no_registry_host() throws IOException {
        Map<String, String> images = new LinkedHashMap<>();
        composeServices.forEach((name, definition) -> {
            Object image = map(definition, name).get("image");
            if (image != null) {
                images.put(name, image.toString());
            }
        });

        String kafkaVersion = xmlProperty(root.resolve("pom.xml"), "kafka.version");
        String keycloakVersion = bashVariable(root.resolve("deploy/local/lib.sh"), "KEYCLOAK_VERSION");
        assertEquals("apache/kafka:" + kafkaVersion, images.get("kafka"), "the broker at the pom's kafka.version");
        assertEquals("apache/kafka:" + kafkaVersion, images.get("kafka-init"));
        assertEquals("keycloak/keycloak:" + keycloakVersion, images.get("keycloak"), "Keycloak as deploy/local runs it");
        images.forEach((name, image) -> assertFalse(REGISTRY_HOST.matcher(image).matches(),
                name + ": image by name only, no registry host: " + image));
    }

    // --- reading the files -------------------------------------------------------------------

    private static Map<String, Object> service(String name) {
        Object definition = composeServices.get(name);
        if (definition == null) {
            fail("docker-compose.yml has no service '" + name + "' (has " + composeServices.keySet() + ")");
        }
        return map(definition, name);
    }

    /** The environment in either compose form: a map, or a list of NAME=value. */
    private static Map<String, String> environment(String service) {
        Object env = service(service).get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> m) {
            m.forEach((k, v) -> result.put(k.toString(), v == null ? null : v.toString()));
        } else if (env instanceof List<?> l) {
            for (Object entry : l) {
                String s = entry.toString();
                int eq = s.indexOf('=');
                result.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
        }
        return result;
    }

    /** Published ports as {host, container} pairs, from short ("[ip:]host:container") or long syntax. */
    private static List<int[]> ports(String service) {
        List<int[]> result = new ArrayList<>();
        Object ports = service(service).get("ports");
        if (ports == null) {
            return result;
        }
        for (Object entry : list(ports, service + ".ports")) {
            if (entry instanceof Map<?, ?> m) {
                result.add(new int[] { Integer.parseInt(m.get("published").toString()),
                        Integer.parseInt(m.get("target").toString()) });
            } else {
                String[] parts = entry.toString().split("/")[0].split(":");
                if (parts.length >= 2) {
                    result.add(new int[] { Integer.parseInt(parts[parts.length - 2]),
                            Integer.parseInt(parts[parts.length - 1]) });
                }
            }
        }
        return result;
    }

    private static String describe(List<int[]> ports) {
        return ports.stream().map(p -> p[0] + ":" + p[1]).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String condition(Map<String, Object> dependsOn, String name) {
        Object dependency = dependsOn.get(name);
        return dependency == null ? null : text(map(dependency, name).get("condition"));
    }

    /** Topic name to partitions, from the kafka-init script lines "--topic NAME --partitions N". */
    private static Map<String, String> topicInitCreates() {
        String script = commandLine(service("kafka-init").get("command"));
        Map<String, String> created = new LinkedHashMap<>();
        Matcher m = CREATE_TOPIC.matcher(script);
        while (m.find()) {
            created.put(m.group(1), m.group(2));
        }
        return created;
    }

    private static String postgresInitSql() {
        Map<String, Object> postgres = service("postgres");
        String source = null;
        for (Object entry : list(postgres.get("configs"), "postgres.configs")) {
            Map<String, Object> config = map(entry, "postgres.configs[]");
            if (text(config.get("target")).startsWith(POSTGRES_INIT_DIR)) {
                source = text(config.get("source"));
            }
        }
        assertNotNull(source, "postgres mounts an init config into " + POSTGRES_INIT_DIR);
        Map<String, Object> configs = map(compose.get("configs"), "configs");
        return text(map(configs.get(source), "configs." + source).get("content"));
    }

    private static Map<String, String> matches(Pattern pattern, String text) {
        Map<String, String> result = new LinkedHashMap<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            result.put(m.group(1), m.group(2));
        }
        return result;
    }

    private static String commandLine(Object command) {
        if (command instanceof List<?> l) {
            return l.stream().map(Object::toString).collect(Collectors.joining(" "));
        }
        return command == null ? "" : command.toString();
    }

    private static Properties properties(String service) throws IOException {
        Path file = root.resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            fail(service + " has no " + root.relativize(file));
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        }
        return props;
    }

    /** The key as the prod profile reads it: unprefixed, or under a profile list that includes prod. */
    private static String prodKey(Properties props, String key) {
        if (props.containsKey(key)) {
            return key;
        }
        for (String candidate : props.stringPropertyNames()) {
            if (candidate.startsWith("%") && candidate.endsWith("." + key)) {
                String profiles = candidate.substring(1, candidate.length() - key.length() - 1);
                if (List.of(profiles.split(",")).contains("prod")) {
                    return candidate;
                }
            }
        }
        return fail("no " + key + " for the prod profile");
    }

    private static String envName(Properties props, String key) {
        Matcher m = ENV_WITH_DEFAULT.matcher(required(props, key));
        return m.matches() ? m.group(1) : null;
    }

    /** What the service uses when the environment does not set the variable. */
    private static String defaultValue(Properties props, String key) {
        String value = required(props, key);
        Matcher m = ENV_WITH_DEFAULT.matcher(value);
        return m.matches() ? m.group(2) : value;
    }

    private static String required(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null) {
            fail("application.properties has no " + key);
        }
        return value.trim();
    }

    /** Every topic a channel names (incoming, outgoing, dead-letter), in any profile. */
    private static Set<String> topicsNamedIn(Properties props) {
        Set<String> topics = new TreeSet<>();
        for (String key : props.stringPropertyNames()) {
            String unprofiled = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (TOPIC_KEY.matcher(unprofiled).matches()) {
                String value = props.getProperty(key).trim();
                Matcher env = ENV_WITH_DEFAULT.matcher(value);
                for (String topic : (env.matches() ? env.group(2) : value).split(",")) {
                    if (!topic.isBlank()) {
                        topics.add(topic.trim());
                    }
                }
            }
        }
        return topics;
    }

    static String databaseOf(String jdbcUrl) {
        String path = jdbcUrl.replaceFirst("^jdbc:postgresql://[^/]*/", "");
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    private static List<String> dockerfileInstructions(String service, String instruction) throws IOException {
        Path file = root.resolve(service).resolve(DOCKERFILE);
        if (!Files.isRegularFile(file)) {
            fail(service + " has no " + DOCKERFILE);
        }
        List<String> values = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.trim();
            if (trimmed.regionMatches(true, 0, instruction + " ", 0, instruction.length() + 1)) {
                values.add(trimmed.substring(instruction.length() + 1).trim());
            }
        }
        return values;
    }

    /** The words of a bash array assignment NAME=(a b c), which may span lines. */
    private static List<String> bashArray(Path script, String name) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + name + "=\\(([^)]*)\\)").matcher(Files.readString(script));
        assertTrue(m.find(), script + " defines " + name + "=(...)");
        return List.of(m.group(1).trim().split("\\s+"));
    }

    private static String bashVariable(Path script, String name) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + name + "=\"?([^\"\\s]+)\"?").matcher(Files.readString(script));
        assertTrue(m.find(), script + " defines " + name);
        return m.group(1);
    }

    private static String xmlProperty(Path pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
        assertTrue(m.find(), pom + " defines " + name);
        return m.group(1).trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        if (!(value instanceof Map)) {
            return fail("docker-compose.yml: " + what + " is not a mapping: " + value);
        }
        return (Map<String, Object>) value;
    }

    private static List<?> list(Object value, String what) {
        if (!(value instanceof List<?> l)) {
            return fail("docker-compose.yml: " + what + " is not a list: " + value);
        }
        return l;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
