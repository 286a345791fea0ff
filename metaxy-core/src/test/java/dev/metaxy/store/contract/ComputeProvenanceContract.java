package dev.metaxy.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.versioning.ReferenceEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

/** computeProvenance over upstream rows the caller joined: the same four columns resolveUpdate computes (§4.5). */
public abstract class ComputeProvenanceContract extends StoreContract {
    private static final FeatureSpec VIDEO = rootSpec("prov/video", "frames", "audio");
    private static final FeatureSpec TEXT = rootSpec("prov/text", "words");
    private static final FeatureSpec CLIP = FeatureSpec.builder("prov/clip").idColumns(UID).dependsOn(VIDEO).dependsOn(TEXT)
        .field("frames", "2").field("caption", "1").build();
    private static final String VIDEO_DVBF = DVBF + "__prov_video";
    private static final String TEXT_DVBF = DVBF + "__prov_text";

    private FeatureGraph g() {
        return graph(VIDEO, TEXT, CLIP);
    }

    private static void seed(MetadataStore s) {
        write(s, VIDEO.key(), List.of(row(UID, "s1", PBF, byField("frames", "f1", "audio", "a1")),
            row(UID, "s2", PBF, byField("frames", "f2", "audio", "a2"))));
        write(s, TEXT.key(), List.of(row(UID, "s1", PBF, byField("words", "w1")), row(UID, "s2", PBF, byField("words", "w2"))));
    }

    /** The caller's own join of the two upstreams on sample_uid, by-field columns renamed, plus a column of its own. */
    private static List<Map<String, Object>> joined(MetadataStore s) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<Map<String, Object>> text = readRows(s, TEXT.key());
        for (Map<String, Object> v : readRows(s, VIDEO.key())) {
            Map<String, Object> t = rowWith(text, UID, v.get(UID));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put(UID, v.get(UID));
            r.put("note", "mine");
            r.put(VIDEO_DVBF, v.get(DVBF));
            r.put(DV + "__prov_video", v.get(DV));
            r.put(TEXT_DVBF, t.get(DVBF));
            out.add(r);
        }
        return out;
    }

    @Test
    void provenanceOfCallerJoinedRowsEqualsWhatResolveUpdateComputes() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            seed(s);
            IncrementRows inc = resolve(s, CLIP.key());
            List<Map<String, Object>> rows;
            List<String> columns;
            try (Frame in = frame(joined(s)); Frame out = s.computeProvenance(CLIP.key(), in).collect()) {
                rows = out.toRows();
                columns = out.columnNames();
            }
            assertSameRows("computeProvenance vs resolveUpdate", rows, inc.newRows(), idAndVersioning(List.of(UID)));
            assertThat(columns).contains(UID, "note", DV + "__prov_video").containsAll(VERSIONING)
                .doesNotContain(VIDEO_DVBF, TEXT_DVBF);
        }
    }

    @Test
    void mapAndStructByFieldColumnsGiveTheSameProvenance() {
        MetadataStore s = store(g());
        try (var w = openW(s)) {
            seed(s);
            List<Map<String, Object>> rows = joined(s);
            List<Field> fields = new ArrayList<>();
            try (Frame structs = frame(rows)) {
                for (Field f : structs.schema().getFields()) {
                    fields.add(f.getName().equals(VIDEO_DVBF) ? FrameSchemas.stringMap(VIDEO_DVBF) : f);
                }
            }
            List<Map<String, Object>> viaMap;
            try (Frame in = Frame.fromRows(new Schema(fields), rows)) {
                assertThat(in.schema().findField(VIDEO_DVBF).getType()).isInstanceOf(ArrowType.Map.class);
                try (Frame out = s.computeProvenance(CLIP.key(), in).collect()) {
                    viaMap = out.toRows();
                }
            }
            assertSameRows("MAP input vs resolveUpdate", viaMap, resolve(s, CLIP.key()).newRows(), idAndVersioning(List.of(UID)));
        }
    }

    @Test
    void aMissingRenamedUpstreamColumnIsRejected() {
        MetadataStore s = store(g());
        try (var r = openR(s); Frame in = frame(List.of(row(UID, "s1", VIDEO_DVBF, byField("frames", "f", "audio", "a"))))) {
            assertThatThrownBy(() -> s.computeProvenance(CLIP.key(), in).collect())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("DataFrame is missing required upstream columns for computing provenance of feature "
                    + "prov/clip. Missing columns: ['" + TEXT_DVBF + " (from upstream feature prov/text)']");
        }
    }

    @Test
    void aRootFeatureHashesEachFieldWithItsCodeVersion() {
        MetadataStore s = store(g());
        ReferenceEngine ref = new ReferenceEngine(s.graph(), s.hashAlgorithm());
        try (var r = openR(s); Frame in = frame(List.of(row(UID, "s1"))); Frame out = s.computeProvenance(TEXT.key(), in).collect()) {
            Map<String, Object> only = out.toRows().get(0);
            String words = ref.hash("words|1");
            assertThat(norm(only.get(PBF))).isEqualTo(norm(byField("words", words)));
            assertThat(only.get(PROV)).isEqualTo(ref.hash(words));
            assertThat(only.get(DV)).isEqualTo(only.get(PROV));
        }
    }
}
