package dev.metaxy.duckdb;

import dev.metaxy.sql.VersioningDialect;
import dev.metaxy.testing.ConnectionWork;
import dev.metaxy.testing.SqlTestDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBStruct;

/** DuckDB's {@link SqlTestDialect}: by-field columns are STRUCT or MAP(VARCHAR, VARCHAR) per the dialect's mode. */
final class DuckDbTestSql implements SqlTestDialect {
    static final DuckDbTestSql STRUCT = new DuckDbTestSql(DuckDbDialect.STRUCT);
    static final DuckDbTestSql MAP = new DuckDbTestSql(DuckDbDialect.MAP);

    private final DuckDbDialect dialect;

    private DuckDbTestSql(DuckDbDialect dialect) {
        this.dialect = dialect;
    }

    static DuckDbTestSql of(DuckDbDialect dialect) {
        return dialect.mapMode() ? MAP : STRUCT;
    }

    /** Runs {@code work} on a fresh in-memory database with the hash functions registered. */
    static void withConnection(ConnectionWork work) throws Exception {
        try (Connection conn = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbHashFunctions.register(conn);
            work.run(conn);
        }
    }

    @Override
    public VersioningDialect dialect() {
        return dialect;
    }

    @Override
    public String typeName(ColumnKind kind) {
        return switch (kind) {
            case BIGINT -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case TIMESTAMP -> "TIMESTAMPTZ";
            case TEXT -> "VARCHAR";
        };
    }

    @Override
    public String byFieldType(List<String> keys) {
        if (dialect.mapMode()) {
            return "MAP(VARCHAR, VARCHAR)";
        }
        List<String> fields = new ArrayList<>();
        keys.forEach(k -> fields.add(dialect.quoteIdentifier(k) + " VARCHAR"));
        return "STRUCT(" + String.join(", ", fields) + ")";
    }

    @Override
    public Object readValue(ResultSet rs, int column) throws SQLException {
        Object v = rs.getObject(column);
        if (v instanceof DuckDBStruct s) {
            return new LinkedHashMap<>(s.getMap());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), x));
            return out;
        }
        return v;
    }
}
