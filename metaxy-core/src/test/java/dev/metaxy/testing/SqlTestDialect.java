package dev.metaxy.testing;

import dev.metaxy.sql.VersioningDialect;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The few database-specific bits of SQL test support, implemented once per store module (for example DuckDB's
 * STRUCT/MAP columns, PostgreSQL's JSONB). Everything else ({@link SqlTestTables}, the abstract tests) is shared.
 */
public interface SqlTestDialect {
    /** The portable column types test tables use; {@link #typeName} spells them for the database. */
    enum ColumnKind { BIGINT, DOUBLE, BOOLEAN, TIMESTAMP, TEXT }

    /** The store's SQL dialect (identifier quoting, literals, by-field values, supported hash algorithms). */
    VersioningDialect dialect();

    /** The database's name for {@code kind}, e.g. {@code TIMESTAMPTZ} or {@code timestamptz}. */
    String typeName(ColumnKind kind);

    /** The type of a by-field column (provenance/data version by field) with these keys, in this order. */
    String byFieldType(List<String> keys);

    /**
     * The value of column {@code column} of the current row, as a plain Java value: by-field columns become
     * {@code Map<String, Object>}, other columns what {@link ResultSet#getObject(int)} returns.
     */
    Object readValue(ResultSet rs, int column) throws SQLException;
}
