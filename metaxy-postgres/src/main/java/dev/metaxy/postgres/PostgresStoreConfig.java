package dev.metaxy.postgres;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code [stores.NAME]} configuration of a PostgreSQL store ({@code type = "postgres"}, {@code "postgresql"} or
 * the reference class path {@code "metaxy.ext.postgresql.PostgreSQLMetadataStore"}), as parsed TOML/JSON values:
 *
 * <pre>{@code
 * [stores.dev]
 * type = "postgres"
 * [stores.dev.config]
 * connection_string = "postgresql://metaxy@db.internal:5432/metaxy"   # or host/port/database/user
 * password_env = "METAXY_PG_PASSWORD"     # the password is read from this variable at open
 * schema = "metaxy"                       # default: the connection's current schema
 * table_prefix = "prod_"
 * hash_algorithm = "xxhash32"             # xxhash32 (default), xxhash64, md5, sha256
 * auto_create_tables = true
 * }</pre>
 *
 * Unknown keys are errors (like the reference's frozen config model). {@code fallback_stores} names are returned for
 * the caller's config layer to resolve.
 */
public final class PostgresStoreConfig {
    /** Accepted {@code type} values. */
    public static final Set<String> TYPES = Set.of("postgres", "postgresql",
        "metaxy.ext.postgresql.PostgreSQLMetadataStore",
        "metaxy.ext.metadata_stores.postgresql.PostgreSQLMetadataStore",
        "dev.metaxy.postgres.PostgresMetadataStore");

    private static final Set<String> KEYS = Set.of("connection_string", "url", "connection_params", "host", "port", "database",
        "user", "password", "password_env", "schema", "table_prefix", "hash_algorithm", "auto_create_tables",
        "materialization_id", "enable_map_datatype", "auto_cast_struct_for_jsonb", "fallback_stores", "versioning_engine");
    private static final Set<String> PARAM_KEYS = Set.of("host", "port", "database", "dbname", "user", "password", "password_env",
        "schema");

    private PostgresStoreConfig() {
    }

    /** A parsed configuration: the store builder and the names of its fallback stores (resolved by the caller). */
    public record Parsed(PostgresMetadataStore.Builder builder, List<String> fallbackStoreNames) {
    }

    /** True when {@code type} names the PostgreSQL store. */
    public static boolean handles(String type) {
        return type != null && TYPES.contains(type.trim());
    }

    /**
     * Builds the store configuration from {@code config} (the {@code [stores.NAME.config]} table).
     *
     * @throws IllegalArgumentException for unknown keys, wrong value types or no connection settings
     */
    public static Parsed parse(FeatureGraph graph, Map<String, ?> config) {
        TreeSet<String> unknown = new TreeSet<>(config.keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown PostgreSQL store config keys " + unknown + "; allowed: " + new TreeSet<>(KEYS));
        }
        PostgresMetadataStore.Builder b = PostgresMetadataStore.builder(graph);
        String url = str(config, "connection_string");
        if (url == null) {
            url = str(config, "url");
        }
        boolean hasDatabase = config.containsKey("database");
        Object params = config.get("connection_params");
        if (params != null) {
            if (!(params instanceof Map<?, ?> p)) {
                throw new IllegalArgumentException("connection_params must be a table, got " + params);
            }
            for (Object k : p.keySet()) {
                if (!PARAM_KEYS.contains(String.valueOf(k))) {
                    throw new IllegalArgumentException("Unknown connection_params key '" + k + "'; allowed: " + new TreeSet<>(PARAM_KEYS));
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> pm = (Map<String, ?>) p;
            apply(b, pm);
            hasDatabase |= pm.containsKey("database") || pm.containsKey("dbname");
        }
        apply(b, config);
        if (url != null) {
            b.url(url);
        } else if (!hasDatabase) {
            throw new IllegalArgumentException("Must provide either connection_string or connection_params (host, port, database, "
                + "user) for PostgreSQL");
        }
        if (str(config, "table_prefix") != null) {
            b.tablePrefix(str(config, "table_prefix"));
        }
        if (str(config, "hash_algorithm") != null) {
            b.hashAlgorithm(HashAlgorithm.fromName(str(config, "hash_algorithm").toLowerCase(Locale.ROOT)));
        }
        if (config.containsKey("auto_create_tables")) {
            b.autoCreateTables(bool(config, "auto_create_tables"));
        }
        if (config.containsKey("enable_map_datatype")) {
            b.enableMapDatatype(bool(config, "enable_map_datatype"));
        }
        if (config.containsKey("auto_cast_struct_for_jsonb") && !bool(config, "auto_cast_struct_for_jsonb")) {
            throw new IllegalArgumentException("auto_cast_struct_for_jsonb = false is not supported: nested columns are always stored as JSONB");
        }
        String versioning = str(config, "versioning_engine");
        if (versioning != null && !Set.of("auto", "native").contains(versioning)) {
            throw new IllegalArgumentException("versioning_engine '" + versioning + "' is not supported: increments are computed "
                + "in PostgreSQL (use auto or native)");
        }
        if (str(config, "materialization_id") != null) {
            b.materializationId(str(config, "materialization_id"));
        }
        List<String> fallbacks = new ArrayList<>();
        Object fb = config.get("fallback_stores");
        if (fb instanceof List<?> l) {
            l.forEach(x -> fallbacks.add(String.valueOf(x)));
        } else if (fb != null) {
            throw new IllegalArgumentException("fallback_stores must be a list of store names, got " + fb);
        }
        return new Parsed(b, List.copyOf(fallbacks));
    }

    private static void apply(PostgresMetadataStore.Builder b, Map<String, ?> m) {
        if (str(m, "host") != null) {
            b.host(str(m, "host"));
        }
        if (m.get("port") != null) {
            Object port = m.get("port");
            b.port(port instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(port)));
        }
        String db = str(m, "database") != null ? str(m, "database") : str(m, "dbname");
        if (db != null) {
            b.database(db);
        }
        if (str(m, "user") != null) {
            b.user(str(m, "user"));
        }
        if (str(m, "password") != null) {
            b.password(str(m, "password"));
        }
        if (str(m, "password_env") != null) {
            b.passwordEnv(str(m, "password_env"));
        }
        if (str(m, "schema") != null) {
            b.schema(str(m, "schema"));
        }
    }

    private static String str(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("PostgreSQL store config '" + key + "' must be a string, got " + v);
        }
        return s;
    }

    private static boolean bool(Map<String, ?> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Boolean b)) {
            throw new IllegalArgumentException("PostgreSQL store config '" + key + "' must be true or false, got " + v);
        }
        return b;
    }
}
