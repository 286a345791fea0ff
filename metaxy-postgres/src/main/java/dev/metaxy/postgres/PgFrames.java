package dev.metaxy.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.frame.FrameValues;
import dev.metaxy.store.MetadataStoreException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Moves Arrow frames into PostgreSQL (COPY ... FROM STDIN in CSV into a temporary table; nested values as JSONB)
 * and query results back out as frames (JSONB by-field columns decoded to STRUCT, or MAP in map mode).
 */
final class PgFrames {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final int COPY_BUFFER = 1 << 16;

    private PgFrames() {
    }

    /** How a result's JSONB by-field columns become Arrow: the expected keys and STRUCT or MAP. */
    record ByFieldShape(List<String> keys, boolean mapMode) {
        static final ByFieldShape NONE = new ByFieldShape(List.of(), false);

        ByFieldShape {
            keys = List.copyOf(keys);
        }
    }

    // ------------------------------------------------------------------ write side

    /** The PostgreSQL column type of an Arrow field (nested types become JSONB). */
    static String sqlType(Field field) {
        ArrowType t = field.getType();
        if (t instanceof ArrowType.Utf8 || t instanceof ArrowType.LargeUtf8 || t instanceof ArrowType.Null) {
            return "text";
        } else if (t instanceof ArrowType.Int i) {
            if (!i.getIsSigned()) {
                return i.getBitWidth() >= 64 ? "numeric(20,0)" : i.getBitWidth() == 32 ? "bigint" : "integer";
            }
            return switch (i.getBitWidth()) {
                case 8, 16 -> "smallint";
                case 32 -> "integer";
                default -> "bigint";
            };
        } else if (t instanceof ArrowType.FloatingPoint f) {
            return f.getPrecision() == FloatingPointPrecision.DOUBLE ? "double precision" : "real";
        } else if (t instanceof ArrowType.Bool) {
            return "boolean";
        } else if (t instanceof ArrowType.Timestamp ts) {
            return ts.getTimezone() == null ? "timestamp" : "timestamptz";
        } else if (t instanceof ArrowType.Date) {
            return "date";
        } else if (t instanceof ArrowType.Decimal d) {
            return "numeric(" + d.getPrecision() + "," + d.getScale() + ")";
        } else if (t instanceof ArrowType.Binary || t instanceof ArrowType.LargeBinary || t instanceof ArrowType.FixedSizeBinary) {
            return "bytea";
        } else if (t instanceof ArrowType.Struct || t instanceof ArrowType.Map || t instanceof ArrowType.List
            || t instanceof ArrowType.LargeList || t instanceof ArrowType.FixedSizeList) {
            return "jsonb";
        }
        return "text";
    }

    /**
     * Creates a temporary table shaped like {@code frame} (dropped at commit when {@code onCommitDrop}) and copies
     * the frame into it with one COPY. Returns the (unquoted) table name.
     */
    static String copyToTempTable(Connection conn, Frame frame, String purpose, boolean onCommitDrop) throws SQLException {
        String table = "__metaxy_" + purpose + "_" + COUNTER.incrementAndGet();
        List<Field> fields = frame.schema().getFields();
        List<String> defs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Field f : fields) {
            defs.add(q(f.getName()) + " " + sqlType(f));
            names.add(q(f.getName()));
        }
        try (Statement st = conn.createStatement()) {
            st.execute("CREATE TEMP TABLE " + q(table) + " (" + String.join(", ", defs) + ")"
                + (onCommitDrop ? " ON COMMIT DROP" : ""));
        }
        if (frame.rowCount() == 0 || fields.isEmpty()) {
            return table;
        }
        CopyIn copy = conn.unwrap(PGConnection.class).getCopyAPI()
            .copyIn("COPY " + q(table) + " (" + String.join(", ", names) + ") FROM STDIN WITH (FORMAT csv)");
        try {
            VectorSchemaRoot root = frame.root();
            List<FieldVector> vectors = root.getFieldVectors();
            StringBuilder sb = new StringBuilder(COPY_BUFFER + 1024);
            for (int row = 0; row < frame.rowCount(); row++) {
                for (int c = 0; c < vectors.size(); c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    appendCsv(sb, FrameValues.read(vectors.get(c), row));
                }
                sb.append('\n');
                if (sb.length() >= COPY_BUFFER) {
                    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    sb.setLength(0);
                }
            }
            if (sb.length() > 0) {
                byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        return table;
    }

    /** One CSV cell: nothing for NULL, otherwise a quoted value (so an empty string stays an empty string). */
    private static void appendCsv(StringBuilder sb, Object value) {
        if (value == null) {
            return;
        }
        String text = textOf(value);
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '"') {
                sb.append('"');
            }
            sb.append(ch);
        }
        sb.append('"');
    }

    private static String textOf(Object value) {
        if (value instanceof String s) {
            if (s.indexOf('\0') >= 0) {
                throw new MetadataStoreException("PostgreSQL text cannot contain NUL characters: " + s.replace("\0", "\\0"));
            }
            return s;
        } else if (value instanceof Boolean b) {
            return b ? "t" : "f";
        } else if (value instanceof BigDecimal d) {
            return d.toPlainString();
        } else if (value instanceof Double || value instanceof Float || value instanceof Long || value instanceof Integer
            || value instanceof BigInteger || value instanceof Short || value instanceof Byte) {
            return value.toString();
        } else if (value instanceof Instant i) {
            return i.toString();
        } else if (value instanceof LocalDateTime l) {
            return l.toString();
        } else if (value instanceof LocalDate d) {
            return d.toString();
        } else if (value instanceof byte[] b) {
            return "\\x" + HexFormat.of().formatHex(b);
        } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(toJson(value));
            } catch (JsonProcessingException e) {
                throw new MetadataStoreException("Cannot encode a nested value as JSON: " + e.getMessage(), e);
            }
        }
        return value.toString();
    }

    /** A Java value (as {@link FrameValues#read} returns it) as JSON; temporal values become ISO strings. */
    static JsonNode toJson(Object value) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        } else if (value instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
            return o;
        } else if (value instanceof List<?> l) {
            ArrayNode a = f.arrayNode();
            l.forEach(v -> a.add(toJson(v)));
            return a;
        } else if (value instanceof String s) {
            return f.textNode(s);
        } else if (value instanceof Boolean b) {
            return f.booleanNode(b);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return f.numberNode(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            return f.numberNode(b);
        } else if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        } else if (value instanceof Double d) {
            return Double.isFinite(d) ? f.numberNode(d) : f.textNode(d.toString());
        } else if (value instanceof Float d) {
            return f.numberNode(d.doubleValue());
        } else if (value instanceof byte[] b) {
            return f.textNode(HexFormat.of().formatHex(b));
        }
        return f.textNode(value.toString());
    }

    // ------------------------------------------------------------------ read side

    /** Runs {@code sql} and collects the whole result into one frame. */
    static Frame collect(Connection conn, String sql, ByFieldShape shape) throws SQLException {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            Reader reader = new Reader(rs, shape);
            return reader.next(Integer.MAX_VALUE);
        }
    }

    /**
     * Runs {@code sql} through a cursor (rows are fetched {@code batchRows} at a time, so the result never has to
     * fit in memory) and hands each batch, closed after the call, to {@code consumer}.
     */
    static void stream(Connection conn, String sql, ByFieldShape shape, int batchRows, Consumer<Frame> consumer) throws SQLException {
        boolean autoCommit = conn.getAutoCommit();
        if (autoCommit) {
            conn.setAutoCommit(false);
        }
        try (Statement st = conn.createStatement()) {
            st.setFetchSize(Math.max(1, batchRows));
            try (ResultSet rs = st.executeQuery(sql)) {
                Reader reader = new Reader(rs, shape);
                while (true) {
                    Frame f = reader.next(batchRows);
                    try (f) {
                        if (f.rowCount() == 0) {
                            break;
                        }
                        consumer.accept(f);
                    }
                }
            }
            if (autoCommit) {
                conn.commit();
            }
        } catch (SQLException | RuntimeException e) {
            if (autoCommit) {
                conn.rollback();
            }
            throw e;
        } finally {
            if (autoCommit) {
                conn.setAutoCommit(true);
            }
        }
    }

    /** Converts result rows to frames, batch by batch. */
    private static final class Reader {
        private final ResultSet rs;
        private final ByFieldShape shape;
        private final int n;
        private final String[] names;
        private final String[] types;
        private final int[] precision;
        private final int[] scale;

        Reader(ResultSet rs, ByFieldShape shape) throws SQLException {
            this.rs = rs;
            this.shape = shape;
            ResultSetMetaData md = rs.getMetaData();
            this.n = md.getColumnCount();
            this.names = new String[n];
            this.types = new String[n];
            this.precision = new int[n];
            this.scale = new int[n];
            for (int i = 0; i < n; i++) {
                names[i] = md.getColumnLabel(i + 1);
                types[i] = md.getColumnTypeName(i + 1).toLowerCase(java.util.Locale.ROOT);
                precision[i] = md.getPrecision(i + 1);
                scale[i] = md.getScale(i + 1);
            }
        }

        Frame next(int maxRows) throws SQLException {
            List<Object[]> raw = new ArrayList<>();
            while (raw.size() < maxRows && rs.next()) {
                Object[] row = new Object[n];
                for (int i = 0; i < n; i++) {
                    row[i] = value(i);
                }
                raw.add(row);
            }
            List<Field> fields = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                fields.add(field(i, raw));
            }
            List<Map<String, Object>> rows = new ArrayList<>(raw.size());
            for (Object[] r : raw) {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(names[i], convertJson(fields.get(i), r[i]));
                }
                rows.add(m);
            }
            return Frame.fromRows(new Schema(fields), rows);
        }

        private Object value(int i) throws SQLException {
            int col = i + 1;
            switch (types[i]) {
                case "int8", "int4", "int2", "oid": {
                    long v = rs.getLong(col);
                    return rs.wasNull() ? null : v;
                }
                case "float8", "float4": {
                    double v = rs.getDouble(col);
                    return rs.wasNull() ? null : v;
                }
                case "bool": {
                    boolean v = rs.getBoolean(col);
                    return rs.wasNull() ? null : v;
                }
                case "numeric": {
                    BigDecimal v = rs.getBigDecimal(col);
                    if (v == null) {
                        return null;
                    }
                    return decimalType(i) != null ? v.setScale(scale[i], java.math.RoundingMode.UNNECESSARY) : (Object) v.doubleValue();
                }
                case "timestamptz": {
                    OffsetDateTime v = rs.getObject(col, OffsetDateTime.class);
                    return v == null ? null : v.toInstant();
                }
                case "timestamp": {
                    LocalDateTime v = rs.getObject(col, LocalDateTime.class);
                    return v;
                }
                case "date": {
                    return rs.getObject(col, LocalDate.class);
                }
                case "bytea": {
                    return rs.getBytes(col);
                }
                case "jsonb", "json": {
                    String s = rs.getString(col);
                    if (s == null) {
                        return null;
                    }
                    try {
                        return JSON.readTree(s);
                    } catch (JsonProcessingException e) {
                        throw new MetadataStoreException("Column '" + names[i] + "' holds invalid JSON: " + e.getMessage(), e);
                    }
                }
                default:
                    return rs.getString(col);
            }
        }

        private ArrowType decimalType(int i) {
            return precision[i] > 0 && precision[i] <= 38 ? new ArrowType.Decimal(precision[i], scale[i], 128) : null;
        }

        private Field field(int i, List<Object[]> raw) {
            String name = names[i];
            switch (types[i]) {
                case "int8", "oid":
                    return FrameSchemas.field(name, FrameSchemas.INT64);
                case "int4":
                    return FrameSchemas.field(name, new ArrowType.Int(32, true));
                case "int2":
                    return FrameSchemas.field(name, new ArrowType.Int(16, true));
                case "float8":
                    return FrameSchemas.field(name, FrameSchemas.FLOAT64);
                case "float4":
                    return FrameSchemas.field(name, new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE));
                case "bool":
                    return FrameSchemas.field(name, ArrowType.Bool.INSTANCE);
                case "numeric": {
                    ArrowType d = decimalType(i);
                    return FrameSchemas.field(name, d != null ? d : FrameSchemas.FLOAT64);
                }
                case "timestamptz":
                    return FrameSchemas.field(name, FrameSchemas.TIMESTAMP_UTC);
                case "timestamp":
                    return FrameSchemas.field(name, FrameSchemas.TIMESTAMP_LOCAL);
                case "date":
                    return FrameSchemas.field(name, FrameSchemas.DATE);
                case "bytea":
                    return FrameSchemas.field(name, ArrowType.Binary.INSTANCE);
                case "jsonb", "json":
                    return jsonField(name, i, raw);
                default:
                    return FrameSchemas.field(name, FrameSchemas.UTF8);
            }
        }

        /**
         * By-field columns: STRUCT of strings over the expected keys plus any other keys found (MAP in map mode).
         * Other JSON columns: a STRUCT when every non-null value is an object (child types inferred), else text.
         */
        private Field jsonField(String name, int i, List<Object[]> raw) {
            boolean byField = name.equals(SystemColumns.PROVENANCE_BY_FIELD) || name.equals(SystemColumns.DATA_VERSION_BY_FIELD);
            if (byField) {
                if (shape.mapMode()) {
                    return FrameSchemas.stringMap(name);
                }
                LinkedHashSet<String> keys = new LinkedHashSet<>(shape.keys());
                TreeSet<String> extra = new TreeSet<>();
                for (Object[] r : raw) {
                    if (r[i] instanceof ObjectNode o) {
                        o.fieldNames().forEachRemaining(k -> {
                            if (!keys.contains(k)) {
                                extra.add(k);
                            }
                        });
                    }
                }
                keys.addAll(extra);
                if (keys.isEmpty()) {
                    return FrameSchemas.stringMap(name);
                }
                List<Field> children = new ArrayList<>();
                keys.forEach(k -> children.add(FrameSchemas.field(k, FrameSchemas.UTF8)));
                return FrameSchemas.struct(name, children);
            }
            Map<String, ArrowType> children = new LinkedHashMap<>();
            boolean allObjects = true;
            boolean any = false;
            for (Object[] r : raw) {
                Object v = r[i];
                if (v == null || (v instanceof JsonNode j && j.isNull())) {
                    continue;
                }
                any = true;
                if (!(v instanceof ObjectNode o)) {
                    allObjects = false;
                    break;
                }
                Iterator<Map.Entry<String, JsonNode>> it = o.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    ArrowType t = jsonType(e.getValue());
                    children.merge(e.getKey(), t, PgFrames::unify);
                }
            }
            if (!any || !allObjects || children.isEmpty()) {
                return FrameSchemas.field(name, FrameSchemas.UTF8);
            }
            List<Field> fs = new ArrayList<>();
            children.forEach((k, t) -> fs.add(FrameSchemas.field(k, t == null ? FrameSchemas.UTF8 : t)));
            return FrameSchemas.struct(name, fs);
        }
    }

    private static ArrowType jsonType(JsonNode v) {
        if (v.isNull()) {
            return null;
        } else if (v.isTextual()) {
            return FrameSchemas.UTF8;
        } else if (v.isIntegralNumber() && v.canConvertToLong()) {
            return FrameSchemas.INT64;
        } else if (v.isNumber()) {
            return FrameSchemas.FLOAT64;
        } else if (v.isBoolean()) {
            return ArrowType.Bool.INSTANCE;
        }
        return FrameSchemas.UTF8;
    }

    private static ArrowType unify(ArrowType a, ArrowType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        if ((a.equals(FrameSchemas.INT64) || a.equals(FrameSchemas.FLOAT64)) && (b.equals(FrameSchemas.INT64) || b.equals(FrameSchemas.FLOAT64))) {
            return FrameSchemas.FLOAT64;
        }
        return FrameSchemas.UTF8;
    }

    /** Turns a parsed JSON value into what {@link FrameValues#write} expects for {@code field}. */
    private static Object convertJson(Field field, Object value) {
        if (!(value instanceof JsonNode node)) {
            return value;
        }
        if (node.isNull()) {
            return null;
        }
        ArrowType t = field.getType();
        if (t instanceof ArrowType.Struct || t instanceof ArrowType.Map) {
            if (!(node instanceof ObjectNode o)) {
                throw new MetadataStoreException("Column '" + field.getName() + "' must hold JSON objects, got: " + node);
            }
            List<Field> children = t instanceof ArrowType.Struct ? field.getChildren() : null;
            Map<String, Object> out = new LinkedHashMap<>();
            if (children != null) {
                for (Field c : children) {
                    JsonNode v = o.get(c.getName());
                    out.put(c.getName(), scalar(c.getType(), v));
                }
            } else {
                o.fields().forEachRemaining(e -> out.put(e.getKey(), scalar(FrameSchemas.UTF8, e.getValue())));
            }
            return out;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    private static Object scalar(ArrowType t, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (t.equals(FrameSchemas.INT64)) {
            return v.longValue();
        } else if (t.equals(FrameSchemas.FLOAT64)) {
            return v.doubleValue();
        } else if (t instanceof ArrowType.Bool) {
            return v.booleanValue();
        }
        return v.isTextual() ? v.textValue() : v.toString();
    }

    static String q(String name) {
        return PostgresDialect.INSTANCE.quoteIdentifier(name);
    }

    static Instant utc(LocalDateTime l) {
        return l.toInstant(ZoneOffset.UTC);
    }
}
