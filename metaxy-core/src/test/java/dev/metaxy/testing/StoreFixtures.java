package dev.metaxy.testing;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A two-feature graph and its root samples, for quick end-to-end store tests (write, resolve, read, delete). */
public final class StoreFixtures {
    /** Root {@code video} (id {@code sample_uid}) with fields {@code audio} and {@code frames}. */
    public static final FeatureSpec VIDEO = FeatureSpec.builder("video").idColumns("sample_uid").field("audio", "1")
        .field("frames", "1").build();
    /** {@code video/faces}, whose one field {@code faces} depends on {@code video}'s {@code frames} only. */
    public static final FeatureSpec FACES = FeatureSpec.builder("video/faces").idColumns("sample_uid").dependsOn(VIDEO)
        .field("faces", "1", FieldDep.on(VIDEO.key(), "frames")).build();

    private StoreFixtures() {
    }

    /**
     * {@code n} samples of {@link #VIDEO} with ids 1..n, a {@code path} and a provenance by field; {@code audioTag}
     * changes the audio provenance only (so {@link #FACES} stays current).
     */
    public static List<Map<String, Object>> samples(int n, String audioTag) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sample_uid", i);
            r.put("path", "s3://bucket/" + i + ".mp4");
            r.put("metaxy_provenance_by_field", Map.of("audio", "a" + audioTag + i, "frames", "f" + i));
            rows.add(r);
        }
        return rows;
    }
}
