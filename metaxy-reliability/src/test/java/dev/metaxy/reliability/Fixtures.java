package dev.metaxy.reliability;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The features every reliability test uses: a root feature {@code rel/raw} (id {@code sample_uid}, user column
 * {@code batch} naming the write that produced the row, one field {@code value}) and a downstream
 * {@code rel/derived} depending on it.
 */
public final class Fixtures {
    public static final String UID = "sample_uid";
    public static final String BATCH = "batch";
    public static final FeatureSpec RAW = FeatureSpec.builder("rel/raw").idColumns(UID).field("value", "1").build();
    public static final FeatureSpec DERIVED = FeatureSpec.builder("rel/derived").idColumns(UID).dependsOn(RAW)
        .field("value", "1").build();
    public static final Schema RAW_SCHEMA = new Schema(List.of(
        FrameSchemas.field(UID, new ArrowType.Int(64, true)),
        FrameSchemas.field(BATCH, new ArrowType.Int(64, true)),
        FrameSchemas.field("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
        FrameSchemas.struct(SystemColumns.PROVENANCE_BY_FIELD, List.of(FrameSchemas.field("value", ArrowType.Utf8.INSTANCE)))));

    private Fixtures() {
    }

    public static FeatureGraph graph() {
        return FeatureGraph.of(List.of(RAW, DERIVED));
    }

    /** Rows {@code [firstUid, firstUid + count)} of {@code rel/raw}, all tagged with {@code batch}. */
    public static Frame rawRows(long firstUid, int count, long batch) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (long uid = firstUid; uid < firstUid + count; uid++) {
            rows.add(Map.of(UID, uid, BATCH, batch, "score", uid * 0.5,
                SystemColumns.PROVENANCE_BY_FIELD, Map.of("value", "v" + uid)));
        }
        return Frame.fromRows(RAW_SCHEMA, rows);
    }
}
