package dev.metaxy.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A feature spec plus what the graph and the system tables record about it: the class's JSON schema (an opaque
 * object hashed into the definition version), the class path, the project, and for external features the
 * optional per-field provenance overrides.
 */
public final class FeatureDefinition {
    private final FeatureSpec spec;
    private final JsonNode schema;
    private final String classPath;
    private final String project;
    private final boolean external;
    private final Map<FieldKey, String> provenanceOverrides;
    private final VersionMismatch onVersionMismatch;
    private final String source;

    /** What a sync does when the store's definition of an external feature has another version than the placeholder. */
    public enum VersionMismatch {
        /** Report the mismatch as a warning and use the store's definition. */
        WARN,
        /** Fail with {@code ExternalFeatureVersionMismatchException}. */
        ERROR
    }

    private FeatureDefinition(FeatureSpec spec, JsonNode schema, String classPath, String project, boolean external,
                              Map<FieldKey, String> provenanceOverrides) {
        this(spec, schema, classPath, project, external, provenanceOverrides, VersionMismatch.WARN, null);
    }

    private FeatureDefinition(FeatureSpec spec, JsonNode schema, String classPath, String project, boolean external,
                              Map<FieldKey, String> provenanceOverrides, VersionMismatch onVersionMismatch, String source) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.schema = schema == null ? JsonNodeFactory.instance.objectNode() : schema.deepCopy();
        this.classPath = classPath;
        this.project = project;
        this.external = external;
        this.provenanceOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(provenanceOverrides));
        this.onVersionMismatch = Objects.requireNonNull(onVersionMismatch, "onVersionMismatch");
        this.source = source;
        for (FieldKey f : this.provenanceOverrides.keySet()) {
            if (spec.field(f).isEmpty()) {
                throw new MetaxyDefinitionException("External feature '" + spec.key() + "': provenance override for unknown field '" + f + "'");
            }
        }
    }

    /** A definition with an empty schema and no project. */
    public static FeatureDefinition of(FeatureSpec spec) {
        return new FeatureDefinition(spec, null, null, null, false, Map.of());
    }

    /** A definition with all recorded attributes. */
    public static FeatureDefinition of(FeatureSpec spec, JsonNode schema, String classPath, String project) {
        return new FeatureDefinition(spec, schema, classPath, project, false, Map.of());
    }

    /** An external feature (defined elsewhere); overrides, when given, become its field versions verbatim. */
    public static FeatureDefinition external(FeatureSpec spec, String project, Map<FieldKey, String> provenanceOverrides) {
        return new FeatureDefinition(spec, null, null, project, true, provenanceOverrides == null ? Map.of() : provenanceOverrides);
    }

    /**
     * An external feature with the given version-mismatch handling and source (e.g. where it was declared; null: none).
     */
    public static FeatureDefinition external(FeatureSpec spec, String project, Map<FieldKey, String> provenanceOverrides,
                                             VersionMismatch onVersionMismatch, String source) {
        return new FeatureDefinition(spec, null, null, project, true, provenanceOverrides == null ? Map.of() : provenanceOverrides,
            onVersionMismatch, source);
    }

    /**
     * This definition as an external placeholder (schema, class path and project kept), as definitions loaded from
     * a lock file are: {@code source} says where it came from (e.g. {@code "metaxy.lock"}).
     */
    public FeatureDefinition asExternal(String newSource) {
        return new FeatureDefinition(spec, schema, classPath, project, true, provenanceOverrides, onVersionMismatch, newSource);
    }

    /** This definition recorded as loaded from {@code newSource} (e.g. the store it was read from). */
    public FeatureDefinition withSource(String newSource) {
        return new FeatureDefinition(spec, schema, classPath, project, external, provenanceOverrides, onVersionMismatch, newSource);
    }

    public FeatureSpec spec() {
        return spec;
    }

    public FeatureKey key() {
        return spec.key();
    }

    /** The JSON schema hashed into the definition version ({@code {}} when unknown). */
    public JsonNode schema() {
        return schema.deepCopy();
    }

    public Optional<String> classPath() {
        return Optional.ofNullable(classPath);
    }

    public Optional<String> project() {
        return Optional.ofNullable(project);
    }

    public boolean isExternal() {
        return external;
    }

    public Map<FieldKey, String> provenanceOverrides() {
        return provenanceOverrides;
    }

    /** For an external feature: what a sync does when the store's version differs (default {@code WARN}). */
    public VersionMismatch onVersionMismatch() {
        return onVersionMismatch;
    }

    /** Where this definition was loaded from, when recorded: {@code "metaxy.lock"}, the store it was synced from, ... */
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    /** The same definition under another project name. */
    public FeatureDefinition withProject(String newProject) {
        return new FeatureDefinition(spec, schema, classPath, newProject, external, provenanceOverrides, onVersionMismatch, source);
    }

    /** The same definition with another spec. */
    public FeatureDefinition withSpec(FeatureSpec newSpec) {
        return new FeatureDefinition(newSpec, schema, classPath, project, external, provenanceOverrides, onVersionMismatch, source);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureDefinition d && d.spec.equals(spec) && d.schema.equals(schema)
            && Objects.equals(d.classPath, classPath) && Objects.equals(d.project, project) && d.external == external
            && d.provenanceOverrides.equals(provenanceOverrides);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, project, external);
    }

    @Override
    public String toString() {
        return "FeatureDefinition(" + spec.key() + (project == null ? "" : ", project=" + project) + (external ? ", external" : "") + ")";
    }
}
