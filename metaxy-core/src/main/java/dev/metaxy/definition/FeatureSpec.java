package dev.metaxy.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The definition of one feature: key, id columns, upstream dependencies, fields, free-form metadata and description.
 * Immutable; build one with {@link #builder(String)}. Its canonical JSON is Python Metaxy's
 * {@code FeatureSpec.model_dump(mode="json")} (see {@code DefinitionJson}).
 */
public final class FeatureSpec {
    private final FeatureKey key;
    private final List<String> idColumns;
    private final List<FeatureDep> deps;
    private final List<FieldSpec> fields;
    private final ObjectNode metadata;
    private final String description;
    private final Map<String, JsonNode> extras;

    private FeatureSpec(Builder b) {
        this.key = Objects.requireNonNull(b.key, "key");
        this.idColumns = List.copyOf(b.idColumns);
        this.deps = List.copyOf(b.deps);
        this.fields = b.fields.isEmpty() ? List.of(FieldSpec.of("default")) : List.copyOf(b.fields);
        this.metadata = b.metadata.deepCopy();
        this.description = b.description;
        Map<String, JsonNode> ex = new LinkedHashMap<>();
        b.extras.forEach((k, v) -> ex.put(k, v.deepCopy()));
        this.extras = Collections.unmodifiableMap(ex);
        validate();
    }

    private void validate() {
        if (idColumns.isEmpty()) {
            throw new MetaxyDefinitionException("Feature '" + key + "': id_columns must not be empty");
        }
        Set<String> ids = new HashSet<>();
        for (String c : idColumns) {
            if (c == null || c.isEmpty()) {
                throw new MetaxyDefinitionException("Feature '" + key + "': id column names must be non-empty");
            }
            if (SystemColumns.isSystemColumn(c)) {
                throw new MetaxyDefinitionException("Feature '" + key + "': id column '" + c + "' is a reserved system column name");
            }
            if (!ids.add(c)) {
                throw new MetaxyDefinitionException("Feature '" + key + "': id column '" + c + "' is listed twice");
            }
        }
        Set<FeatureKey> upstream = new HashSet<>();
        for (FeatureDep d : deps) {
            if (d.feature().equals(key)) {
                throw new MetaxyDefinitionException("Feature '" + key + "' depends on itself");
            }
            if (!upstream.add(d.feature())) {
                throw new MetaxyDefinitionException("Feature '" + key + "': dependency on '" + d.feature() + "' is declared twice");
            }
        }
        Set<FieldKey> seen = new HashSet<>();
        for (FieldSpec f : fields) {
            if (!seen.add(f.key())) {
                throw new MetaxyDefinitionException("Feature '" + key + "': duplicate field key '" + f.key() + "'");
            }
            for (FieldDep fd : f.deps()) {
                if (!upstream.contains(fd.feature())) {
                    throw new MetaxyDefinitionException("Feature '" + key + "', field '" + f.key() + "': field dependency on '"
                        + fd.feature() + "', which is not among the feature's dependencies " + upstreamList());
                }
            }
        }
        if (!metadata.isObject()) {
            throw new MetaxyDefinitionException("Feature '" + key + "': metadata must be a JSON object");
        }
    }

    private List<String> upstreamList() {
        List<String> out = new ArrayList<>();
        deps.forEach(d -> out.add(d.feature().toString()));
        return out;
    }

    /** Starts a spec for the feature {@code "a/b"}. */
    public static Builder builder(String key) {
        return new Builder(FeatureKey.of(key));
    }

    public static Builder builder(FeatureKey key) {
        return new Builder(key);
    }

    public FeatureKey key() {
        return key;
    }

    public List<String> idColumns() {
        return idColumns;
    }

    public List<FeatureDep> deps() {
        return deps;
    }

    /** The dependency on {@code upstream}, if declared. */
    public Optional<FeatureDep> dep(FeatureKey upstream) {
        return deps.stream().filter(d -> d.feature().equals(upstream)).findFirst();
    }

    public boolean isRoot() {
        return deps.isEmpty();
    }

    public List<FieldSpec> fields() {
        return fields;
    }

    /** The field with key {@code field}, if any. */
    public Optional<FieldSpec> field(FieldKey field) {
        return fields.stream().filter(f -> f.key().equals(field)).findFirst();
    }

    public List<FieldKey> fieldKeys() {
        List<FieldKey> out = new ArrayList<>(fields.size());
        fields.forEach(f -> out.add(f.key()));
        return out;
    }

    /** Free-form metadata (a copy; the spec stays immutable). */
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** Top-level JSON keys beyond the six standard ones (e.g. from a Python FeatureSpec subclass), kept for round trips. */
    public Map<String, JsonNode> extras() {
        return extras;
    }

    /** A builder pre-filled with this spec. */
    public Builder toBuilder() {
        Builder b = new Builder(key);
        b.idColumns.addAll(idColumns);
        b.deps.addAll(deps);
        b.fields.addAll(fields);
        b.metadata = metadata.deepCopy();
        b.description = description;
        b.extras.putAll(extras);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureSpec s && s.key.equals(key) && s.idColumns.equals(idColumns) && s.deps.equals(deps)
            && s.fields.equals(fields) && s.metadata.equals(metadata) && Objects.equals(s.description, description)
            && s.extras.equals(extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, idColumns, deps, fields);
    }

    @Override
    public String toString() {
        return "FeatureSpec(" + key + ", id_columns=" + idColumns + ", deps=" + upstreamList() + ", fields=" + fieldKeys() + ")";
    }

    /** Fluent builder for {@link FeatureSpec}. */
    public static final class Builder {
        private final FeatureKey key;
        private final List<String> idColumns = new ArrayList<>();
        private final List<FeatureDep> deps = new ArrayList<>();
        private final List<FieldSpec> fields = new ArrayList<>();
        private ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        private String description;
        private final Map<String, JsonNode> extras = new LinkedHashMap<>();

        private Builder(FeatureKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** Sets the id columns that identify a sample (replacing earlier ones). */
        public Builder idColumns(String... columns) {
            return idColumns(Arrays.asList(columns));
        }

        public Builder idColumns(List<String> columns) {
            idColumns.clear();
            idColumns.addAll(columns);
            return this;
        }

        /** Depends on an upstream feature given by spec. */
        public Builder dependsOn(FeatureSpec upstream) {
            return dependsOn(FeatureDep.of(upstream.key()));
        }

        /** Depends on an upstream feature given by key. */
        public Builder dependsOn(FeatureKey upstream) {
            return dependsOn(FeatureDep.of(upstream));
        }

        /** Depends on an upstream feature given by key string. */
        public Builder dependsOn(String upstream) {
            return dependsOn(FeatureDep.of(FeatureKey.of(upstream)));
        }

        /** Depends on an upstream Java feature class. */
        public Builder dependsOn(Class<? extends Feature> upstream) {
            return dependsOn(FeatureDep.of(Feature.specOf(upstream).key()));
        }

        /** Adds a fully described dependency. */
        public Builder dependsOn(FeatureDep dep) {
            deps.add(Objects.requireNonNull(dep, "dep"));
            return this;
        }

        /** Adds a dependency described with a {@link FeatureDep.Builder}. */
        public Builder dependsOn(FeatureDep.Builder dep) {
            return dependsOn(dep.build());
        }

        public Builder deps(List<FeatureDep> newDeps) {
            deps.clear();
            deps.addAll(newDeps);
            return this;
        }

        /** Adds a field with the default code version. */
        public Builder field(String fieldKey) {
            return field(FieldSpec.of(fieldKey));
        }

        /** Adds a field with a code version. */
        public Builder field(String fieldKey, String codeVersion) {
            return field(FieldSpec.of(fieldKey, codeVersion));
        }

        /** Adds a field with a code version and explicit field dependencies. */
        public Builder field(String fieldKey, String codeVersion, FieldDep... fieldDeps) {
            return field(FieldSpec.of(fieldKey, codeVersion, fieldDeps));
        }

        public Builder field(FieldSpec field) {
            fields.add(Objects.requireNonNull(field, "field"));
            return this;
        }

        public Builder fields(List<FieldSpec> newFields) {
            fields.clear();
            fields.addAll(newFields);
            return this;
        }

        /** Sets one metadata entry (any JSON value). */
        public Builder metadata(String name, JsonNode value) {
            metadata.set(name, value);
            return this;
        }

        /** Sets one metadata entry with a string value. */
        public Builder metadata(String name, String value) {
            metadata.put(name, value);
            return this;
        }

        public Builder metadata(ObjectNode all) {
            this.metadata = all == null ? JsonNodeFactory.instance.objectNode() : all.deepCopy();
            return this;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Adds an extra top-level JSON key (as a Python FeatureSpec subclass would). */
        public Builder extra(String name, JsonNode value) {
            extras.put(name, value);
            return this;
        }

        public FeatureSpec build() {
            return new FeatureSpec(this);
        }
    }
}
