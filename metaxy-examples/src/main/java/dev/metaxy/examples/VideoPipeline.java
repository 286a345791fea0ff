package dev.metaxy.examples;

import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.examples.features.Crop;
import dev.metaxy.examples.features.FaceDetection;
import dev.metaxy.examples.features.SpeechToText;
import dev.metaxy.examples.features.Video;
import dev.metaxy.expr.Expressions;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.DeleteOptions;
import dev.metaxy.store.Increment;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.ReadOptions;
import dev.metaxy.store.ResolveOptions;
import dev.metaxy.versioning.DefinitionVersions;
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
import java.util.function.Consumer;

/**
 * A small video pipeline on an embedded DuckDB store that tells (and checks) the Metaxy story:
 * root samples are written, downstream features computed, a rerun finds nothing to do, a code change to
 * {@code video}'s audio field makes only the audio-dependent features recompute (face detection, which
 * reads only the frames, stays up to date), and soft-deleted root samples show up as orphaned downstream.
 *
 * <p>Run it with {@code bin/metaxy-example [database-file]} (default {@code ./.metaxy/video_pipeline.duckdb}).
 * Any deviation from the expected counts ends the run with a message and a non-zero exit code.
 */
public final class VideoPipeline {

    /** Where the store lives unless a path is given as the first argument. */
    public static final Path DEFAULT_DATABASE = Path.of(".metaxy", "video_pipeline.duckdb");
    /** Number of root video samples. */
    public static final int SAMPLES = 5;
    /** The samples soft-deleted in the last step. */
    public static final List<Long> DELETED = List.of(4L, 5L);

    static final String VIDEO = "video";
    static final String CROP = "video/crop";
    static final String FACES = "video/face_detection";
    static final String STT = "video/speech_to_text";
    static final List<String> DOWNSTREAM = List.of(CROP, FACES, STT);

    /** Counts of one increment. */
    public record Counts(long newSamples, long stale, long orphaned) {
        static Counts of(Increment inc) {
            return new Counts(inc.newSamples().rowCount(), inc.stale().rowCount(), inc.orphaned().rowCount());
        }

        /** Samples that need (re)computing: new plus stale. */
        public long toCompute() {
            return newSamples + stale;
        }

        public boolean upToDate() {
            return newSamples == 0 && stale == 0 && orphaned == 0;
        }

        @Override
        public String toString() {
            return newSamples + " new, " + stale + " stale, " + orphaned + " orphaned";
        }
    }

    /** Thrown when the store does not behave as the story says; the message explains what differed. */
    public static final class StoryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoryException(String message) {
            super(message);
        }
    }

    /** What happened, step by step: step name → feature key → increment counts, plus versions and read counts. */
    public record Story(Map<String, Map<String, Counts>> steps, Map<String, String> versionsBefore,
                        Map<String, String> versionsAfter, List<String> changedFeatures,
                        long liveVideosAfterDelete, long allVideosAfterDelete) {

        public Counts counts(String step, String feature) {
            Map<String, Counts> s = steps.get(step);
            if (s == null || !s.containsKey(feature)) {
                throw new IllegalArgumentException("no counts for " + feature + " in step " + step + " (steps: " + steps.keySet() + ")");
            }
            return s.get(feature);
        }
    }

    public static final String STEP_INITIAL = "initial";
    public static final String STEP_RERUN = "rerun";
    public static final String STEP_AUDIO_CHANGE = "audio-change";
    public static final String STEP_AUDIO_CHANGE_RERUN = "audio-change-rerun";
    public static final String STEP_SOFT_DELETE = "soft-delete";
    public static final String STEP_FINAL = "final";

    private final Path database;
    private final PrintStream out;
    private final FeatureGraph before;
    private final FeatureGraph after;
    private final Map<String, Map<String, Counts>> steps = new LinkedHashMap<>();
    private String currentStep;

    public VideoPipeline(Path database, PrintStream out) {
        this(database, out, initialGraph(), audioChangedGraph());
    }

    /** With other graphs (tests use this to check that a broken story is reported). */
    VideoPipeline(Path database, PrintStream out, FeatureGraph before, FeatureGraph after) {
        this.database = database;
        this.out = out;
        this.before = before;
        this.after = after;
    }

    public static void main(String[] args) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            System.out.println("usage: metaxy-example [DATABASE_FILE]   (default " + DEFAULT_DATABASE + "; the file is recreated)");
            System.exit(args.length > 1 ? 2 : 0);
        }
        Path db = args.length == 1 ? Path.of(args[0]) : DEFAULT_DATABASE;
        try {
            new VideoPipeline(db, System.out).run();
        } catch (StoryException e) {
            System.out.flush();
            System.err.println("metaxy-example: the story did not hold: " + e.getMessage());
            System.exit(1);
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println("metaxy-example: failed: " + e);
            e.printStackTrace();
            System.exit(2);
        }
    }

    // ------------------------------------------------------------------ graphs

    /** The graph as declared by the feature classes (every code version "1"). */
    public static FeatureGraph initialGraph() {
        return new FeatureGraph().register(Video.class).register(Crop.class).register(FaceDetection.class).register(SpeechToText.class);
    }

    /** The same graph after a code change to the audio extraction of {@code video} (audio code version "2"). */
    public static FeatureGraph audioChangedGraph() {
        List<FieldSpec> fields = new ArrayList<>();
        for (FieldSpec f : Video.SPEC.fields()) {
            fields.add(f.key().toString().equals("audio") ? f.withCodeVersion("2") : f);
        }
        FeatureSpec video = Video.SPEC.toBuilder().fields(fields).build();
        return new FeatureGraph().register(video).register(Crop.class).register(FaceDetection.class).register(SpeechToText.class);
    }

    static DuckDbMetadataStore store(FeatureGraph graph, Path database) {
        return DuckDbMetadataStore.builder(graph).database(database).hashAlgorithm(HashAlgorithm.XXHASH64).autoCreateTables(true).build();
    }

    // ------------------------------------------------------------------ the story

    /** Runs the whole story on a fresh store file; throws {@link StoryException} when a count is not as expected. */
    public Story run() {
        boolean existed = freshDatabase();
        out.println("Metaxy video pipeline on an embedded DuckDB store: " + database
            + (existed ? " (previous file removed, starting fresh)" : " (new file)"));
        out.println();
        out.println("Features (feature version, then field versions):");
        Map<String, String> versionsBefore = printVersions(before);
        Map<String, String> versionsAfter = featureVersions(after);

        List<Map<String, Object>> samples = rootSamples();
        long live;
        long all;
        try (MetadataStore s = store(before, database).open(AccessMode.WRITE)) {
            step(STEP_INITIAL, "1. Write " + SAMPLES + " root video samples, then compute every downstream feature.");
            writeRoot(s, samples, c -> expect(c, new Counts(SAMPLES, 0, 0), "all root samples should be new on a fresh store"));
            for (String f : DOWNSTREAM) {
                computeDownstream(s, f, c -> expect(c, new Counts(SAMPLES, 0, 0), "every sample should be new for " + f));
            }

            step(STEP_RERUN, "2. Resolve everything again without changes: nothing to do.");
            writeRoot(s, samples, c -> expect(c, new Counts(0, 0, 0), "a rerun with the same samples should find video up to date"));
            for (String f : DOWNSTREAM) {
                computeDownstream(s, f, c -> expect(c, new Counts(0, 0, 0), f + " should be up to date on a rerun"));
            }
        }

        step(STEP_AUDIO_CHANGE, "3. Change the audio code of video (code version 1 -> 2) and reopen the same file with the new graph.");
        List<String> changed = new ArrayList<>();
        out.println("   Feature versions that changed:");
        for (String key : versionsBefore.keySet()) {
            String a = versionsBefore.get(key);
            String b = versionsAfter.get(key);
            if (!a.equals(b)) {
                changed.add(key);
                List<String> fields = new ArrayList<>();
                Map<String, String> fb = before.versions().fieldVersions(FeatureKey.of(key));
                Map<String, String> fa = after.versions().fieldVersions(FeatureKey.of(key));
                new TreeMap<>(fa).forEach((field, v) -> {
                    if (!v.equals(fb.get(field))) {
                        fields.add(field + " " + fb.get(field) + " -> " + v);
                    }
                });
                out.printf("     %-22s %s -> %s   (fields: %s)%n", key, a, b, String.join(", ", fields));
            }
        }
        out.println("   Unchanged: " + String.join(", ", versionsBefore.keySet().stream().filter(k -> !changed.contains(k)).toList()));
        if (!changed.equals(List.of(VIDEO, CROP, STT))) {
            throw new StoryException("expected the feature versions of video, video/crop and video/speech_to_text to change, "
                + "but the changed ones are " + changed);
        }
        out.println("   Rows are stored per feature version: a feature whose version changed starts empty, so its samples");
        out.println("   come back as new; face detection keeps its version and its rows.");
        try (MetadataStore s = store(after, database).open(AccessMode.WRITE)) {
            writeRoot(s, samples, c -> expect(c.toCompute() == SAMPLES && c.orphaned() == 0,
                c, "video has a new feature version, so all " + SAMPLES + " samples should be written again"));
            computeDownstream(s, CROP, c -> expect(c.toCompute() == SAMPLES && c.orphaned() == 0, c,
                "video/crop uses the audio, so all " + SAMPLES + " samples should be recomputed"));
            computeDownstream(s, FACES, c -> expect(c, new Counts(0, 0, 0),
                "video/face_detection depends only on the frames, so it should still be up to date"));
            computeDownstream(s, STT, c -> expect(c.toCompute() == SAMPLES && c.orphaned() == 0, c,
                "video/speech_to_text depends on the audio, so all " + SAMPLES + " samples should be recomputed"));

            step(STEP_AUDIO_CHANGE_RERUN, "4. Resolve again after recomputing: everything is up to date under the new graph.");
            writeRoot(s, samples, c -> expect(c, new Counts(0, 0, 0), "video should be up to date after rewriting"));
            for (String f : DOWNSTREAM) {
                computeDownstream(s, f, c -> expect(c, new Counts(0, 0, 0), f + " should be up to date after recomputing"));
            }

            step(STEP_SOFT_DELETE, "5. Soft-delete video samples " + DELETED + ": their downstream rows become orphaned.");
            long deleted = s.delete(VIDEO, Expressions.in("sample_uid", DELETED), DeleteOptions.soft());
            expect(deleted == DELETED.size(), "soft delete of " + DELETED + " tombstoned " + deleted + " samples",
                "the soft delete should tombstone " + DELETED.size() + " samples");
            live = s.read(VIDEO).count();
            all = s.read(VIDEO, ReadOptions.defaults().includeSoftDeleted()).count();
            out.println("   video: soft-deleted " + deleted + " samples; reads now return " + live + " live rows ("
                + all + " including soft-deleted)");
            expect(live == SAMPLES - DELETED.size() && all == SAMPLES, live + " live / " + all + " total",
                "video should read " + (SAMPLES - DELETED.size()) + " live rows and " + SAMPLES + " with soft-deleted ones");
            for (String f : DOWNSTREAM) {
                cleanOrphans(s, f, c -> expect(c, new Counts(0, 0, DELETED.size()),
                    f + " should have exactly the " + DELETED.size() + " deleted samples orphaned"));
            }

            step(STEP_FINAL, "6. Final check: with the remaining " + (SAMPLES - DELETED.size()) + " samples everything is up to date.");
            List<Map<String, Object>> remaining = samples.stream().filter(r -> !DELETED.contains((Long) r.get("sample_uid"))).toList();
            writeRoot(s, remaining, c -> expect(c, new Counts(0, 0, 0), "video should be up to date for the remaining samples"));
            for (String f : DOWNSTREAM) {
                computeDownstream(s, f, c -> expect(c, new Counts(0, 0, 0), f + " should be up to date at the end"));
            }
        }
        out.println();
        out.println("Story checked: every count was as expected.");
        return new Story(copySteps(), versionsBefore, versionsAfter, List.copyOf(changed), live, all);
    }

    // ------------------------------------------------------------------ steps

    private void writeRoot(MetadataStore s, List<Map<String, Object>> samples, Consumer<Counts> check) {
        try (Frame sm = Frame.fromRows(samples);
             Increment inc = s.resolveUpdate(VIDEO, ResolveOptions.defaults().samples(sm))) {
            Counts c = record(VIDEO, inc);
            int written = 0;
            for (Frame part : List.of(inc.newSamples(), inc.stale())) {
                if (part.rowCount() > 0) {
                    s.write(VIDEO, part);
                    written += part.rowCount();
                }
            }
            report(VIDEO, c, written == 0 ? "nothing to write" : "wrote " + written + " rows");
            check.accept(c);
        }
    }

    private void computeDownstream(MetadataStore s, String feature, Consumer<Counts> check) {
        try (Increment inc = s.resolveUpdate(feature)) {
            Counts c = record(feature, inc);
            List<Map<String, Object>> results = new ArrayList<>();
            results.addAll(compute(feature, inc.newSamples()));
            results.addAll(compute(feature, inc.stale()));
            if (!results.isEmpty()) {
                s.write(feature, results);
            }
            report(feature, c, results.isEmpty() ? "up to date, nothing to compute" : "computed and wrote " + results.size() + " rows");
            check.accept(c);
        }
    }

    /** Resolves a downstream feature and soft-deletes its orphaned samples. */
    private void cleanOrphans(MetadataStore s, String feature, Consumer<Counts> check) {
        try (Increment inc = s.resolveUpdate(feature)) {
            Counts c = record(feature, inc);
            List<Long> ids = new ArrayList<>();
            inc.orphaned().toRows().forEach(r -> ids.add(((Number) r.get("sample_uid")).longValue()));
            ids.sort(null);
            long removed = ids.isEmpty() ? 0 : s.delete(feature, Expressions.in("sample_uid", ids), DeleteOptions.soft());
            report(feature, c, "soft-deleted " + removed + " orphaned rows " + ids);
            check.accept(c);
        }
    }

    /** The "computation": copies ids and provenance and adds a made-up result column. */
    private static List<Map<String, Object>> compute(String feature, Frame todo) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> in : todo.toRows()) {
            long uid = ((Number) in.get("sample_uid")).longValue();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sample_uid", uid);
            row.put(SystemColumns.PROVENANCE_BY_FIELD, in.get(SystemColumns.PROVENANCE_BY_FIELD));
            switch (feature) {
                case CROP -> row.put("crop_path", "s3://videos/crops/" + uid + ".mp4");
                case FACES -> row.put("num_faces", uid % 3);
                case STT -> row.put("transcript", "transcript of sample " + uid);
                default -> throw new IllegalArgumentException(feature);
            }
            rows.add(row);
        }
        return rows;
    }

    /** Root samples: ids, user columns and the provenance of each field (here: fake content hashes). */
    public static List<Map<String, Object>> rootSamples() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (long uid = 1; uid <= SAMPLES; uid++) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("sample_uid", uid);
            r.put("path", "s3://videos/raw/" + uid + ".mp4");
            r.put("duration", 10.0 + uid);
            r.put(SystemColumns.PROVENANCE_BY_FIELD, Map.of("audio", "audio-sha-" + uid, "frames", "frames-sha-" + uid));
            rows.add(r);
        }
        return rows;
    }

    // ------------------------------------------------------------------ helpers

    private void step(String name, String title) {
        currentStep = name;
        steps.put(name, new LinkedHashMap<>());
        out.println();
        out.println(title);
    }

    private Counts record(String feature, Increment inc) {
        Counts c = Counts.of(inc);
        steps.get(currentStep).put(feature, c);
        return c;
    }

    private void report(String feature, Counts c, String action) {
        out.printf("   %-22s %-32s -> %s%n", feature + ":", c, action);
    }

    private static void expect(Counts actual, Counts expected, String why) {
        if (!actual.equals(expected)) {
            throw new StoryException(why + ": expected " + expected + ", got " + actual);
        }
    }

    private static void expect(boolean ok, Object actual, String why) {
        if (!ok) {
            throw new StoryException(why + ", got " + actual);
        }
    }

    private Map<String, String> printVersions(FeatureGraph graph) {
        DefinitionVersions v = graph.versions();
        for (FeatureKey key : graph.topologicalOrder()) {
            out.printf("   %-22s %s  %s%n", key, v.featureVersion(key), new TreeMap<>(v.fieldVersions(key)));
        }
        return featureVersions(graph);
    }

    private static Map<String, String> featureVersions(FeatureGraph graph) {
        Map<String, String> m = new LinkedHashMap<>();
        for (FeatureKey key : graph.topologicalOrder()) {
            m.put(key.toString(), graph.versions().featureVersion(key));
        }
        return m;
    }

    private Map<String, Map<String, Counts>> copySteps() {
        Map<String, Map<String, Counts>> copy = new LinkedHashMap<>();
        steps.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }

    /** Deletes the store file (and its WAL) if present; returns whether a file was there. */
    private boolean freshDatabase() {
        try {
            Path parent = database.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean existed = Files.deleteIfExists(database);
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + ".wal"));
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a fresh store file at " + database, e);
        }
    }
}
