package dev.metaxy.examples.expansion;

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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The expansion pipeline: three raw videos, each split into 3-5 chunks (1:N), then face recognition per chunk.
 * Chunk counts and face counts are random ({@code RANDOM_SEED} makes them repeatable). All chunks of a video are
 * written with the provenance of their video row: that is what ties the chunks to the video's version.
 */
public final class Pipeline {
    /** One run: root and chunk counts, the chunk ids written, face recognition counts. */
    public record Result(int videosNew, int chunkNew, int chunkStale, Set<String> chunkIdsWritten,
                         int facesNew, int facesStale, int facesOrphaned) {
    }

    private Pipeline() {
    }

    static List<Map<String, Object>> videos() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long id = 1; id <= 3; id++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("video_id", id);
            row.put("path", "video" + id + ".mp4");
            row.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("audio", "v" + id, "frames", "v" + id));
            rows.add(row);
        }
        return rows;
    }

    public static Result run(ExampleContext ctx) {
        PrintStream out = ctx.out();
        String seed = ctx.env("RANDOM_SEED", null);
        Random random = seed == null ? new Random() : new Random(Long.parseLong(seed));
        MetaxyConfig config = ctx.config();
        int videosNew;
        int chunkNew;
        int chunkStale;
        Set<String> chunkIds = new LinkedHashSet<>();
        int facesNew;
        int facesStale;
        int facesOrphaned;
        try (MetadataStore store = config.getStore(null).open(AccessMode.WRITE)) {
            // somebody already produced the videos: resolve the root feature against them
            try (Frame samples = Frame.fromRows(videos());
                 Increment inc = store.resolveUpdate(ExpansionFeatures.VIDEO, ResolveOptions.defaults().samples(samples))) {
                videosNew = inc.newSamples().rowCount();
                if (videosNew > 0) {
                    out.println("Found " + videosNew + " new videos");
                    store.write(ExpansionFeatures.VIDEO, inc.newSamples());
                }
            }

            // the videos that need (re)chunking
            try (Increment inc = store.resolveUpdate(ExpansionFeatures.CHUNK)) {
                chunkNew = inc.newSamples().rowCount();
                chunkStale = inc.stale().rowCount();
                out.println("Found " + chunkNew + " new videos and " + chunkStale + " stale videos that need chunking");
                for (Frame part : List.of(inc.newSamples(), inc.stale())) {
                    // in video order: the random chunk counts are drawn one video after another, and an
                    // increment's row order is the engine's (not stable), so sort to keep RANDOM_SEED runs repeatable
                    List<Map<String, Object>> videos = new ArrayList<>(part.toRows());
                    videos.sort(Comparator.comparingLong(v -> ((Number) v.get("video_id")).longValue()));
                    for (Map<String, Object> video : videos) {
                        out.println("Processing video: " + video);
                        Object videoId = video.get("video_id");
                        int n = 3 + random.nextInt(3);   // pretend the video splits into 3-5 chunks
                        List<Map<String, Object>> chunks = new ArrayList<>();
                        for (int i = 0; i < n; i++) {
                            Map<String, Object> chunk = new LinkedHashMap<>();
                            chunk.put("video_id", videoId);
                            chunk.put("video_chunk_id", videoId + "_" + i);
                            chunk.put("path", video.get("path") + "_" + i);
                            // every chunk carries its video's provenance
                            chunk.put(SystemColumns.PROVENANCE_BY_FIELD, video.get(SystemColumns.PROVENANCE_BY_FIELD));
                            chunk.put(SystemColumns.PROVENANCE, video.get(SystemColumns.PROVENANCE));
                            chunks.add(chunk);
                            chunkIds.add(videoId + "_" + i);
                        }
                        out.println("Writing " + n + " chunks for video " + videoId);
                        store.write(ExpansionFeatures.CHUNK, chunks);
                    }
                }
            }

            // face recognition on the chunks that are new or whose frames changed
            try (Increment inc = store.resolveUpdate(ExpansionFeatures.FACES)) {
                facesNew = inc.newSamples().rowCount();
                facesStale = inc.stale().rowCount();
                facesOrphaned = inc.orphaned().rowCount();
                out.println("Found " + facesNew + " new video chunks and " + facesStale
                    + " stale video chunks that need face recognition");
                List<Map<String, Object>> faces = new ArrayList<>();
                for (Frame part : List.of(inc.newSamples(), inc.stale())) {
                    for (Map<String, Object> chunk : part.toRows()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("video_chunk_id", chunk.get("video_chunk_id"));
                        row.put("num_faces", (long) random.nextInt(11));   // "detect" 0-10 faces
                        row.put(SystemColumns.PROVENANCE_BY_FIELD, chunk.get(SystemColumns.PROVENANCE_BY_FIELD));
                        row.put(SystemColumns.PROVENANCE, chunk.get(SystemColumns.PROVENANCE));
                        faces.add(row);
                    }
                }
                if (!faces.isEmpty()) {
                    out.println("Writing face recognition results for " + faces.size() + " chunks");
                    store.write(ExpansionFeatures.FACES, faces);
                }
            }
        }
        return new Result(videosNew, chunkNew, chunkStale, chunkIds, facesNew, facesStale, facesOrphaned);
    }

    public static void main(String[] args) {
        ExampleContext.runMain("expansion-pipeline", Pipeline::run);
    }
}
