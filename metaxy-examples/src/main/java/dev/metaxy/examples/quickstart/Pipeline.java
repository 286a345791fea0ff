package dev.metaxy.examples.quickstart;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.examples.support.ExampleContext;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The quickstart pipeline: give the store the incoming video samples (ids plus a provenance per field: a content hash,
 * a modification time, any string), write what is new or stale, then let the store work out which audio samples
 * to compute from the stored videos. A rerun finds nothing to do.
 */
public final class Pipeline {
    /** New and stale counts of the two features in one run. */
    public record Result(int videoNew, int videoStale, int audioNew, int audioStale) {
        public boolean idempotent() {
            return videoNew + videoStale + audioNew + audioStale == 0;
        }
    }

    private Pipeline() {
    }

    /** The incoming videos. The provenance of a root sample can be anything that changes when the sample changes. */
    static List<Map<String, Object>> incomingVideos() {
        String[][] videos = {{"vid_001", "a1n892ja"}, {"vid_002", "2024-01-15T10:30:00Z"}, {"vid_003", "v1.2.3"}};
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] v : videos) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", v[0]);
            row.put("raw_video_path", "/data/raw/" + v[0] + ".mp4");
            row.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("default", v[1]));
            rows.add(row);
        }
        return rows;
    }

    public static Result run(ExampleContext ctx) {
        PrintStream out = ctx.out();
        MetaxyConfig config = ctx.config();
        out.println("Quickstart Pipeline");
        out.println("=".repeat(60));
        int[] video;
        int[] audio;
        try (MetadataStore store = config.getStore(null).open(AccessMode.WRITE)) {
            try (Frame samples = Frame.fromRows(incomingVideos());
                 Increment inc = store.resolveUpdate(QuickstartFeatures.VIDEO, ResolveOptions.defaults().samples(samples))) {
                video = counts(inc);
                out.println();
                out.println("[Video] " + video[0] + " new, " + video[1] + " stale");
                // "process" each video: the output path is keyed by the sample's data version
                List<Map<String, Object>> rows = withPath(inc, r -> "/data/processed/" + r.get("id") + "/"
                    + r.get(SystemColumns.DATA_VERSION) + "/video.mp4");
                if (!rows.isEmpty()) {
                    store.write(QuickstartFeatures.VIDEO, rows);
                    out.println("[Video] Wrote " + rows.size() + " samples");
                }
            }
            try (Increment inc = store.resolveUpdate(QuickstartFeatures.AUDIO)) {
                audio = counts(inc);
                out.println();
                out.println("[Audio] " + audio[0] + " new, " + audio[1] + " stale");
                List<Map<String, Object>> rows = withPath(inc, r -> "/data/processed/" + r.get("id") + "/"
                    + r.get(SystemColumns.PROVENANCE) + "/audio.wav");
                if (!rows.isEmpty()) {
                    store.write(QuickstartFeatures.AUDIO, rows);
                    out.println("[Audio] Wrote " + rows.size() + " samples");
                }
            }
        }
        Result result = new Result(video[0], video[1], audio[0], audio[1]);
        if (result.idempotent()) {
            out.println();
            out.println("No changes detected (idempotent)");
        }
        out.println();
        out.println("✅ Pipeline complete!");
        return result;
    }

    private static int[] counts(Increment inc) {
        return new int[] {inc.newSamples().rowCount(), inc.stale().rowCount()};
    }

    /** The new and stale rows with their computed {@code path}. */
    private static List<Map<String, Object>> withPath(Increment inc, java.util.function.Function<Map<String, Object>, String> path) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Frame part : List.of(inc.newSamples(), inc.stale())) {
            for (Map<String, Object> r : part.toRows()) {
                Map<String, Object> row = new LinkedHashMap<>(r);
                row.put("path", path.apply(r));
                rows.add(row);
            }
        }
        return rows;
    }

    public static void main(String[] args) {
        ExampleContext.runMain("quickstart-pipeline", Pipeline::run);
    }
}
