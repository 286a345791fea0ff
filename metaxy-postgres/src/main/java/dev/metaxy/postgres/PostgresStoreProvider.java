package dev.metaxy.postgres;

import dev.metaxy.config.StoreOptions;
import dev.metaxy.config.StoreProvider;
import dev.metaxy.config.StoreSpec;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.MetadataStore;
import java.util.Map;
import java.util.Set;

/**
 * Creates {@link PostgresMetadataStore}s from {@code [stores.<name>]} entries. Accepted {@code type} values:
 * {@code postgres}, {@code postgresql}, {@code PostgresMetadataStore}, {@code dev.metaxy.postgres.PostgresMetadataStore},
 * and the reference's {@code metaxy.ext.postgresql.PostgreSQLMetadataStore} (plus its module aliases).
 *
 * <pre>{@code
 * [stores.dev]
 * type = "postgres"
 * [stores.dev.config]
 * connection_string = "postgresql://metaxy@db.internal:5432/metaxy"   # or host/port/database/user
 * password_env = "METAXY_PG_PASSWORD"     # the password is read from this variable when the store opens
 * schema = "metaxy"                       # default: the connection's current schema
 * table_prefix = "prod_"
 * hash_algorithm = "xxhash32"             # xxhash32 (default), xxhash64, md5, sha256
 * auto_create_tables = true
 * }</pre>
 *
 * Options: {@code connection_string} (alias {@code url}; a {@code postgresql://} URI or a {@code jdbc:postgresql:} URL)
 * or {@code connection_params} / top-level {@code host}, {@code port}, {@code database}, {@code user}; {@code password}
 * (prefer {@code password_env}); {@code schema}; {@code table_prefix}; {@code auto_create_tables} and
 * {@code enable_map_datatype} (defaulting to the top-level keys); {@code materialization_id};
 * {@code auto_cast_struct_for_jsonb} (only {@code true}: nested columns are always JSONB).
 */
public final class PostgresStoreProvider implements StoreProvider {
    private static final Set<String> TYPES = Set.of("postgres", "postgresql", "PostgresMetadataStore",
        PostgresMetadataStore.class.getName(), "PostgreSQLMetadataStore",
        "metaxy.ext.postgresql.PostgreSQLMetadataStore", "metaxy.ext.postgresql.metadata_store.PostgreSQLMetadataStore",
        "metaxy.ext.metadata_stores.postgresql.PostgreSQLMetadataStore");
    private static final Set<String> OPTIONS = Set.of("connection_string", "url", "connection_params", "host", "port",
        "database", "user", "password", "password_env", "schema", "table_prefix", "auto_create_tables", "enable_map_datatype",
        "materialization_id", "auto_cast_struct_for_jsonb");
    private static final Set<String> PARAMS = Set.of("host", "port", "database", "dbname", "user", "password", "password_env",
        "schema");

    @Override
    public Set<String> typeNames() {
        return TYPES;
    }

    @Override
    public Set<String> optionNames() {
        return OPTIONS;
    }

    @Override
    public HashAlgorithm defaultHashAlgorithm() {
        return PostgresMetadataStore.DEFAULT_HASH_ALGORITHM;
    }

    @Override
    public MetadataStore create(StoreSpec spec) {
        StoreOptions o = spec.options();
        PostgresMetadataStore.Builder b = PostgresMetadataStore.builder(spec.graph());
        boolean hasDatabase = o.has("database");
        Map<String, Object> params = o.table("connection_params").orElse(Map.of());
        for (String k : params.keySet()) {
            if (!PARAMS.contains(k)) {
                throw o.error("connection_params", "has unknown key '" + k + "' (allowed: " + new java.util.TreeSet<>(PARAMS) + ")");
            }
        }
        if (params.get("host") != null) {
            b.host(String.valueOf(params.get("host")));
        }
        if (params.get("port") != null) {
            try {
                b.port(Integer.parseInt(String.valueOf(params.get("port"))));
            } catch (NumberFormatException e) {
                throw o.error("connection_params", "port must be a number, got " + params.get("port"));
            }
        }
        Object db = params.get("database") != null ? params.get("database") : params.get("dbname");
        if (db != null) {
            b.database(String.valueOf(db));
            hasDatabase = true;
        }
        if (params.get("user") != null) {
            b.user(String.valueOf(params.get("user")));
        }
        if (params.get("password") != null) {
            b.password(String.valueOf(params.get("password")));
        }
        if (params.get("password_env") != null) {
            b.passwordEnv(String.valueOf(params.get("password_env")));
        }
        if (params.get("schema") != null) {
            b.schema(String.valueOf(params.get("schema")));
        }
        o.string("host").ifPresent(b::host);
        o.integer("port").ifPresent(p -> b.port(Math.toIntExact(p)));
        o.string("database").ifPresent(b::database);
        o.string("user").ifPresent(b::user);
        o.string("password").ifPresent(b::password);
        o.string("password_env").ifPresent(b::passwordEnv);
        o.string("schema").ifPresent(b::schema);
        String url = o.string("connection_string").orElse(o.string("url").orElse(null));
        if (url != null) {
            try {
                b.url(url).build();
            } catch (IllegalArgumentException e) {
                throw o.error(o.has("connection_string") ? "connection_string" : "url", e.getMessage());
            }
        } else if (!hasDatabase) {
            throw o.error("connection_string", "is missing: provide either connection_string or connection_params "
                + "(host, port, database, user) for PostgreSQL");
        }
        if (o.bool("auto_cast_struct_for_jsonb").map(v -> !v).orElse(false)) {
            throw o.error("auto_cast_struct_for_jsonb", "= false is not supported: nested columns are always stored as JSONB");
        }
        o.string("versioning_engine").ifPresent(v -> {
            if (!v.equals("auto") && !v.equals("native")) {
                throw o.error("versioning_engine", "'" + v + "' is not supported: increments are computed in PostgreSQL (auto or native)");
            }
        });
        return b.hashAlgorithm(spec.hashAlgorithm())
            .tablePrefix(o.string("table_prefix").orElse(""))
            .autoCreateTables(o.bool("auto_create_tables").orElse(spec.config().autoCreateTables()))
            .enableMapDatatype(o.bool("enable_map_datatype").orElse(spec.config().enableMapDatatype()))
            .materializationId(o.string("materialization_id").orElse(null))
            .fallbackStores(spec.fallbackStores())
            .build();
    }
}
