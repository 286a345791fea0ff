package dev.metaxy.bench;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.duckdb.DuckDbDialect;
import dev.metaxy.frame.Frame;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.graph.FeatureGraph;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/**
 * The floor: one hand-written DuckDB statement that does the minimum work for the answer resolve_update gives —
 * latest live row per sample of each root (one window each), the inner join of the roots, per-field strings hashed
 * with the same UDF and truncation, the sample hash, the MAP by-field columns, and (when the leaf has rows) one left
 * join against the leaf's latest provenance that yields new and stale rows together. Rows are fetched through the
 * same Arrow export the store uses and kept as batches (no concatenation).
 */
public final class FloorQuery {
    /** The kind column of the stale-phase statement: {@code new} or {@code stale}. */
    public static final String KIND = "kind";

    private FloorQuery() {
    }

    private static String lit(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static String qi(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String hash(String expr) {
        // Exactly the store's hash expression (same UDF, same rendering), truncated as the store truncates.
        return "substr(" + DuckDbDialect.MAP.hash(HashAlgorithm.XXHASH64, expr) + ", 1, 8)";
    }

    /** The latest live row per sample of a feature table at the feature's current version: id plus one column. */
    private static String latest(String table, String featureVersion, String column, String as) {
        return "SELECT sample_uid, " + as + " FROM (SELECT sample_uid, " + column + " AS " + as + ", metaxy_deleted_at FROM "
            + qi(table) + " WHERE metaxy_feature_version = " + lit(featureVersion)
            + " QUALIFY row_number() OVER (PARTITION BY sample_uid ORDER BY coalesce(metaxy_deleted_at, metaxy_updated_at) DESC) = 1)"
            + " WHERE metaxy_deleted_at IS NULL";
    }

    /**
     * The statement. {@code leafHasTable}: whether the leaf table exists (stale phase); without it every expected row is
     * new and the statement has no {@link #KIND} column.
     */
    public static String sql(BenchGraph bg, boolean leafHasTable) {
        FeatureGraph g = bg.graph();
        List<String> ctes = new ArrayList<>();
        // Upstream field values, sorted by qualified name "feature.field" as the field-provenance string wants them.
        TreeMap<String, String> upstream = new TreeMap<>();
        for (int r = 0; r < bg.roots().size(); r++) {
            FeatureSpec root = bg.roots().get(r);
            ctes.add("r" + r + " AS (" + latest(root.key().tableName(), g.versions().featureVersion(root.key()),
                "metaxy_data_version_by_field", "dv") + ")");
            for (String f : bg.rootFields()) {
                upstream.put(root.key() + "." + f, "map_extract_value(r" + r + ".dv, " + lit(f) + ")");
            }
        }
        FeatureSpec leaf = bg.leaf();
        List<String> leafFields = new ArrayList<>();
        for (FieldSpec f : leaf.fields()) {
            leafFields.add(f.key().toString());
        }
        List<String> fieldHashes = new ArrayList<>();
        for (int i = 0; i < leaf.fields().size(); i++) {
            FieldSpec f = leaf.fields().get(i);
            StringBuilder s = new StringBuilder();
            String prefix = f.key().toString() + "|" + f.codeVersion();
            for (var e : upstream.entrySet()) {
                s.append(lit(prefix + "|" + e.getKey() + "|")).append(" || ").append(e.getValue());
                prefix = "";
                s.append(" || ");
            }
            s.setLength(s.length() - 4);
            fieldHashes.add(hash(s.toString()) + " AS fh" + i);
        }
        StringBuilder from = new StringBuilder("r0");
        for (int r = 1; r < bg.roots().size(); r++) {
            from.append(" JOIN r").append(r).append(" USING (sample_uid)");
        }
        ctes.add("f AS (SELECT sample_uid, " + String.join(", ", fieldHashes) + " FROM " + from + ")");
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < leafFields.size(); i++) {
            order.add(i);
        }
        order.sort((a, b) -> leafFields.get(a).compareTo(leafFields.get(b)));
        List<String> sampleParts = new ArrayList<>();
        order.forEach(i -> sampleParts.add("fh" + i));
        LinkedHashMap<String, String> byField = new LinkedHashMap<>();
        for (int i = 0; i < leafFields.size(); i++) {
            byField.put(leafFields.get(i), "fh" + i);
        }
        // The MAP built the fastest way DuckDB offers, which is the dialect's (a STRUCT cast to MAP).
        ctes.add("p AS (SELECT sample_uid, " + DuckDbDialect.MAP.buildByField(byField) + " AS pbf, "
            + hash(String.join(" || '|' || ", sampleParts)) + " AS prov FROM f)");
        String out = "p.sample_uid, p.pbf AS metaxy_provenance_by_field, p.prov AS metaxy_provenance, "
            + "p.pbf AS metaxy_data_version_by_field, p.prov AS metaxy_data_version";
        if (!leafHasTable) {
            return "WITH " + String.join(",\n", ctes) + "\nSELECT " + out + " FROM p";
        }
        FeatureKey lk = leaf.key();
        ctes.add("c AS (" + latest(lk.tableName(), g.versions().featureVersion(lk), "metaxy_provenance", "prov") + ")");
        return "WITH " + String.join(",\n", ctes) + "\nSELECT CASE WHEN c.sample_uid IS NULL THEN 'new' ELSE 'stale' END AS "
            + KIND + ", " + out + " FROM p LEFT JOIN c USING (sample_uid) WHERE c.sample_uid IS NULL OR c.prov IS DISTINCT FROM p.prov";
    }

    /** What the floor fetched: Arrow batches (kept open until {@link #close()}) and the new/stale row counts. */
    public static final class Result implements AutoCloseable {
        public final List<Frame> batches = new ArrayList<>();
        public long newRows;
        public long staleRows;

        @Override
        public void close() {
            batches.forEach(Frame::close);
            batches.clear();
        }
    }

    /** Runs the statement and fetches every row into the JVM as Arrow batches of {@code batchRows}. */
    public static Result fetch(Connection conn, String sql, int batchRows) throws SQLException {
        Result res = new Result();
        try (Statement st = conn.createStatement();
             DuckDBResultSet rs = st.executeQuery(sql).unwrap(DuckDBResultSet.class);
             ArrowReader reader = (ArrowReader) rs.arrowExportStream(Frame.allocator(), batchRows)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                VectorSchemaRoot copy = VectorSchemaRoot.create(root.getSchema(), Frame.allocator());
                for (int i = 0; i < root.getFieldVectors().size(); i++) {
                    root.getVector(i).makeTransferPair(copy.getVector(i)).transfer();
                }
                copy.setRowCount(root.getRowCount());
                Frame f = Frame.of(copy);
                res.batches.add(f);
                VarCharVector kind = copy.getVector(KIND) instanceof VarCharVector v ? v : null;
                if (kind == null) {
                    res.newRows += copy.getRowCount();
                } else {
                    for (int r = 0; r < copy.getRowCount(); r++) {
                        if (kind.get(r)[0] == 'n') {
                            res.newRows++;
                        } else {
                            res.staleRows++;
                        }
                    }
                }
            }
        } catch (IOException e) {
            res.close();
            throw new SQLException("Cannot read Arrow data from DuckDB: " + e.getMessage(), e);
        } catch (SQLException | RuntimeException e) {
            res.close();
            throw e;
        }
        return res;
    }
}
