package dev.metaxy.examples.aggregation;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.examples.support.ExampleContext;
import dev.metaxy.frame.Frame;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ResolveOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The aggregation pipeline: writes the audio recordings listed in a CSV file (what is new or changed), then computes
 * one embedding per speaker that has a new or changed recording. The CSV is {@code data/audio.csv} unless
 * {@code AUDIO_SAMPLES} names another file (the example's data "patches" do).
 */
public final class Pipeline {
    public static final String SAMPLES_ENV = "AUDIO_SAMPLES";
    public static final String DEFAULT_SAMPLES = "data/audio.csv";

    /** What one run did: audio counts, then per recomputed speaker the number of its recordings in the increment. */
    public record Result(int audioNew, int audioStale, Map<String, Integer> speakers) {
    }

    private Pipeline() {
    }

    public static Result run(ExampleContext ctx) {
        PrintStream out = ctx.out();
        MetaxyConfig config = ctx.config();
        List<Map<String, Object>> samples = readSamples(ctx.workDir().resolve(ctx.env(SAMPLES_ENV, DEFAULT_SAMPLES)));
        int added;
        int changed;
        Map<String, List<Map<String, Object>>> bySpeaker = new TreeMap<>();
        try (MetadataStore store = config.getStore(null).open(AccessMode.WRITE)) {
            // Step 1: the audio recordings (root feature: the caller supplies the provenance)
            try (Frame incoming = Frame.fromRows(samples);
                 Increment inc = store.resolveUpdate(AggregationFeatures.AUDIO, ResolveOptions.defaults().samples(incoming))) {
                added = inc.newSamples().rowCount();
                changed = inc.stale().rowCount();
                if (added > 0) {
                    out.println("Found " + added + " new audio recordings");
                    store.write(AggregationFeatures.AUDIO, inc.newSamples());
                }
                if (changed > 0) {
                    out.println("Found " + changed + " changed audio recordings");
                    store.write(AggregationFeatures.AUDIO, inc.stale());
                }
                if (added == 0 && changed == 0) {
                    out.println("No new or changed audio recordings");
                }
            }

            // Step 2: speaker embeddings, one per speaker with a new or changed recording
            try (Increment inc = store.resolveUpdate(AggregationFeatures.SPEAKER_EMBEDDING)) {
                for (Frame part : List.of(inc.newSamples(), inc.stale())) {
                    for (Map<String, Object> row : part.toRows()) {
                        bySpeaker.computeIfAbsent((String) row.get("speaker_id"), s -> new ArrayList<>()).add(row);
                    }
                }
            }
            out.println("Found " + bySpeaker.size() + " speakers that need embedding computation");
            if (!bySpeaker.isEmpty()) {
                List<Map<String, Object>> embeddings = new ArrayList<>();
                bySpeaker.forEach((speaker, rows) -> {
                    out.println("  Computing embedding for speaker " + speaker + " from " + rows.size() + " audio recordings");
                    Map<String, Object> first = rows.get(0);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("speaker_id", speaker);
                    row.put("n_dim", 512L);
                    row.put("path", "embeddings/" + speaker + ".npy");
                    // every row of a speaker carries the same aggregated provenance
                    row.put(SystemColumns.PROVENANCE_BY_FIELD, first.get(SystemColumns.PROVENANCE_BY_FIELD));
                    row.put(SystemColumns.PROVENANCE, first.get(SystemColumns.PROVENANCE));
                    embeddings.add(row);
                });
                out.println("Writing embeddings for " + embeddings.size() + " speakers");
                store.write(AggregationFeatures.SPEAKER_EMBEDDING, embeddings);
            }
        }
        Map<String, Integer> speakers = new TreeMap<>();
        bySpeaker.forEach((s, rows) -> speakers.put(s, rows.size()));
        return new Result(added, changed, speakers);
    }

    /** Reads {@code audio_id,speaker_id,duration_seconds,path,provenance} lines (after a header). */
    static List<Map<String, Object>> readSamples(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audio samples " + csv, e);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] c = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("audio_id", c[0]);
            row.put("speaker_id", c[1]);
            row.put("duration_seconds", Double.parseDouble(c[2]));
            row.put("path", c[3]);
            row.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("default", c[4]));
            rows.add(row);
        }
        return rows;
    }

    public static void main(String[] args) {
        ExampleContext.runMain("aggregation-pipeline", Pipeline::run);
    }
}
