package dev.metaxy.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.definition.DefinitionJson;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.frame.Frame;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.json.CanonicalJson;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.store.MetadataStoreException;
import dev.metaxy.versioning.DefinitionVersions;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Records graph snapshots in the {@code metaxy-system/feature_versions} table ({@code metaxy push}) and reads them
 * back. Append-only: a push adds rows for a new project version, or only the changed definitions of an
 * already-recorded one.
 */
public final class GraphSnapshots {
    /** The version written into the {@code metaxy} tag. */
    public static final String METAXY_VERSION = "0.1.10";
    private static final ObjectMapper MAPPER = DefinitionJson.mapper();

    private final MetadataStore store;
    private final Clock clock;

    public GraphSnapshots(MetadataStore store) {
        this(store, Clock.systemUTC());
    }

    public GraphSnapshots(MetadataStore store, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = clock;
    }

    /** The project a push applies to: {@code requested}, else the graph's single project. */
    public static String resolveProject(FeatureGraph graph, String requested) {
        if (requested != null) {
            return requested;
        }
        List<FeatureDefinition> own = graph.definitions().stream().filter(d -> !d.isExternal()).toList();
        if (own.isEmpty()) {
            throw new IllegalArgumentException("No features in active graph to push.");
        }
        Set<String> projects = new java.util.TreeSet<>();
        own.forEach(d -> projects.add(d.project().orElse(null) == null ? "" : d.project().get()));
        if (projects.size() > 1) {
            throw new IllegalArgumentException("Project is required for push_graph_snapshot. Graph contains features from multiple projects: "
                + projects + ". Set 'project' in metaxy.toml or pass project argument.");
        }
        String only = projects.iterator().next();
        return only.isEmpty() ? null : only;
    }

    /** Pushes the store graph's features of {@code project} (null: the graph's single project) with user tags. */
    public PushResult push(String project, Map<String, String> tags) {
        FeatureGraph graph = store.graph();
        String p = resolveProject(graph, project);
        if (tags.containsKey("metaxy")) {
            throw new IllegalArgumentException("The tag key 'metaxy' is reserved");
        }
        List<FeatureDefinition> feats = new ArrayList<>();
        for (FeatureDefinition d : graph.definitions()) {
            if (!d.isExternal() && Objects.equals(d.project().orElse(null), p)) {
                feats.add(d);
            }
        }
        if (feats.isEmpty()) {
            throw new IllegalArgumentException("No features found for project '" + p + "' in the active graph.");
        }
        DefinitionVersions v = graph.versions();
        String projectVersion = v.projectVersion(p);
        List<Map<String, Object>> history = rows(p);
        Map<String, Object> latest = history.stream()
            .max(Comparator.comparing(r -> (LocalDateTime) r.get("recorded_at"))).orElse(null);
        boolean already = latest != null && projectVersion.equals(latest.get("metaxy_project_version"));
        Map<String, String> recorded = new TreeMap<>();
        if (already) {
            for (Map<String, Object> r : history) {
                if (projectVersion.equals(r.get("metaxy_project_version"))) {
                    recorded.put((String) r.get("feature_key"), (String) r.get("metaxy_definition_version"));
                }
            }
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        String tagJson = tagsJson(tags);
        List<Map<String, Object>> toAppend = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        feats.sort(Comparator.comparing(FeatureDefinition::key));
        for (FeatureDefinition d : feats) {
            String key = d.key().toString();
            String defVersion = v.definitionVersion(d.key());
            if (already && defVersion.equals(recorded.get(key))) {
                continue;
            }
            if (already) {
                updated.add(key);
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("project", p);
            row.put("feature_key", key);
            row.put("metaxy_feature_version", v.featureVersion(d.key()));
            row.put("metaxy_definition_version", defVersion);
            row.put("recorded_at", now);
            row.put("feature_spec", json(DefinitionJson.toJson(d.spec())));
            row.put("feature_schema", json(d.schema()));
            row.put("feature_class_path", d.classPath().orElse(""));
            row.put("metaxy_project_version", projectVersion);
            row.put("tags", tagJson);
            row.put("deleted_at", null);
            toAppend.add(row);
        }
        if (!toAppend.isEmpty()) {
            try (Frame f = Frame.fromRows(FeatureVersionsSchema.SCHEMA, toAppend)) {
                store.appendSystemRows(SystemTables.FEATURE_VERSIONS, f);
            }
        }
        return new PushResult(projectVersion, already, updated);
    }

    /** Every recorded row of {@code project} (all projects when null), oldest first. */
    public List<Map<String, Object>> rows(String project) {
        List<Map<String, Object>> out = new ArrayList<>();
        store.readSystemRows(SystemTables.FEATURE_VERSIONS).ifPresent(f -> {
            try (f) {
                for (Map<String, Object> r : f.toRows()) {
                    if (project == null || project.equals(r.get("project"))) {
                        out.add(r);
                    }
                }
            }
        });
        out.sort(Comparator.comparing(r -> (LocalDateTime) r.get("recorded_at")));
        return out;
    }

    /** The definitions recorded for one project version, as a graph (for rebase onto a historical version). */
    public FeatureGraph loadGraph(String projectVersion, dev.metaxy.hash.Truncation truncation) {
        return loadGraph(projectVersion, null, truncation);
    }

    /**
     * The definitions recorded for one project version of {@code project} (null: any project), as a graph; the latest
     * recorded definition of a feature wins.
     *
     * @throws MetadataStoreException when none are recorded
     */
    public FeatureGraph loadGraph(String projectVersion, String project, dev.metaxy.hash.Truncation truncation) {
        Map<String, FeatureDefinition> defs = new LinkedHashMap<>();
        for (Map<String, Object> r : rows(project)) {
            if (projectVersion.equals(r.get("metaxy_project_version"))) {
                defs.put((String) r.get("feature_key"), definition(r));
            }
        }
        if (defs.isEmpty()) {
            throw new MetadataStoreException("No features recorded for snapshot " + projectVersion
                + (project == null ? "" : " in project " + project));
        }
        FeatureGraph g = new FeatureGraph(truncation);
        defs.values().forEach(g::register);
        return g;
    }

    /**
     * The most recently recorded definition of every feature, across all snapshots and projects, except those of
     * {@code excludeProject} (null: none excluded), by key; each with the feature version recorded beside it. A row
     * whose definition does not parse is skipped and reported to {@code skipped}.
     */
    public Map<FeatureKey, StoredDefinition> latestDefinitions(String excludeProject, java.util.function.Consumer<String> skipped) {
        Map<String, Map<String, Object>> latest = new LinkedHashMap<>();
        rows(null).forEach(r -> latest.put((String) r.get("feature_key"), r));
        Map<FeatureKey, StoredDefinition> out = new LinkedHashMap<>();
        for (Map<String, Object> r : latest.values()) {
            if (excludeProject != null && excludeProject.equals(r.get("project"))) {
                continue;
            }
            try {
                FeatureDefinition d = definition(r).withSource(store.display());
                out.put(d.key(), new StoredDefinition(d, (String) r.get("metaxy_feature_version")));
            } catch (RuntimeException e) {
                skipped.accept("Skipping feature '" + r.get("feature_key") + "': failed to load from store: " + e.getMessage());
            }
        }
        return out;
    }

    /** A definition read back from the {@code feature_versions} table, with the feature version recorded for it. */
    public record StoredDefinition(FeatureDefinition definition, String featureVersion) {
    }

    private static FeatureDefinition definition(Map<String, Object> r) {
        JsonNode spec = parse((String) r.get("feature_spec"));
        JsonNode schema = parse((String) r.get("feature_schema"));
        return FeatureDefinition.of(DefinitionJson.readSpec(spec), schema, (String) r.get("feature_class_path"),
            (String) r.get("project"));
    }

    /** The project version of {@code project} (null: any) pushed last, by the time it was first recorded. */
    public java.util.Optional<String> latestProjectVersion(String project) {
        Map<String, LocalDateTime> first = new LinkedHashMap<>();
        for (Map<String, Object> r : rows(project)) {
            first.putIfAbsent((String) r.get("metaxy_project_version"), (LocalDateTime) r.get("recorded_at"));
        }
        return first.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The project version recorded together with {@code featureVersion} of {@code feature}, if any. */
    public java.util.Optional<String> projectVersionOf(FeatureKey feature, String featureVersion) {
        return rows(null).stream()
            .filter(r -> feature.toString().equals(r.get("feature_key")) && featureVersion.equals(r.get("metaxy_feature_version")))
            .map(r -> (String) r.get("metaxy_project_version"))
            .reduce((a, b) -> b);
    }

    private static String tagsJson(Map<String, String> tags) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("metaxy", json(MAPPER.createObjectNode().put("version", METAXY_VERSION)));
        new TreeMap<>(tags).forEach(o::put);
        return json(o);
    }

    private static String json(JsonNode node) {
        return CanonicalJson.writeInOrder(node);
    }

    private static JsonNode parse(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (JsonProcessingException e) {
            throw new MetadataStoreException("Corrupt JSON in the feature_versions table: " + e.getOriginalMessage(), e);
        }
    }
}
