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

    private FeatureDefinition(FeatureSpec spec, JsonNode schema, String classPath, String project, boolean external,
                              Map<FieldKey, String> provenanceOverrides) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.schema = schema == null ? JsonNodeFactory.instance.objectNode() : schema.deepCopy();
        this.classPath = classPath;
        this.project = project;
        this.external = external;
        this.provenanceOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(provenanceOverrides));
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

    /** The same definition under another project name. */
    public FeatureDefinition withProject(String newProject) {
        return new FeatureDefinition(spec, schema, classPath, newProject, external, provenanceOverrides);
    }

    /** The same definition with another spec. */
    public FeatureDefinition withSpec(FeatureSpec newSpec) {
        return new FeatureDefinition(newSpec, schema, classPath, project, external, provenanceOverrides);
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
