package dev.metaxy.postgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.sql.VersioningDialect;
import dev.metaxy.testing.SqlTestDialect;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;

/** PostgreSQL's {@link SqlTestDialect}: by-field columns are JSONB objects, read back as maps. */
final class PgTestSql implements SqlTestDialect {
    static final PgTestSql INSTANCE = new PgTestSql();
    private static final ObjectMapper JSON = new ObjectMapper();

    private PgTestSql() {
    }

    @Override
    public VersioningDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public String typeName(ColumnKind kind) {
        return switch (kind) {
            case BIGINT -> "bigint";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case TIMESTAMP -> "timestamptz";
            case TEXT -> "text";
        };
    }

    @Override
    public String byFieldType(List<String> keys) {
        return "jsonb";
    }

    @Override
    public Object readValue(ResultSet rs, int column) throws SQLException {
        if (!rs.getMetaData().getColumnTypeName(column).equals("jsonb")) {
            return rs.getObject(column);
        }
        String s = rs.getString(column);
        try {
            return s == null ? null : JSON.readValue(s, LinkedHashMap.class);
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }
}
