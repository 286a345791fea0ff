package dev.metaxy.definition;

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
 * A dependency of a feature on an upstream feature: which columns to take ({@code select}, {@code rename}),
 * which rows ({@code sql_filters}), how fields map ({@link FieldsMapping}), how rows relate ({@link Lineage})
 * and whether the upstream may be missing ({@code optional}).
 */
public final class FeatureDep {
    private final FeatureKey feature;
    private final List<String> select;
    private final Map<String, String> rename;
    private final FieldsMapping fieldsMapping;
    private final List<String> sqlFilters;
    private final Lineage lineage;
    private final boolean optional;

    private FeatureDep(Builder b) {
        this.feature = Objects.requireNonNull(b.feature, "feature");
        this.select = b.select == null ? null : List.copyOf(b.select);
        this.rename = b.rename == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(b.rename));
        this.fieldsMapping = Objects.requireNonNull(b.fieldsMapping, "fieldsMapping");
        this.sqlFilters = b.sqlFilters == null ? null : List.copyOf(b.sqlFilters);
        this.lineage = Objects.requireNonNull(b.lineage, "lineage");
        this.optional = b.optional;
        validate();
    }

    private void validate() {
        if (rename != null) {
            Set<String> targets = new HashSet<>();
            for (Map.Entry<String, String> e : rename.entrySet()) {
                String to = e.getValue();
                if (to == null || to.isEmpty()) {
                    throw new MetaxyDefinitionException("Dependency on '" + feature + "': rename of column '" + e.getKey() + "' has an empty target name");
                }
                if (SystemColumns.isSystemColumn(e.getKey())) {
                    throw new MetaxyDefinitionException("Dependency on '" + feature + "': cannot rename system column '" + e.getKey() + "'");
                }
                if (SystemColumns.isSystemColumn(to)) {
                    throw new MetaxyDefinitionException("Dependency on '" + feature + "': cannot rename column '" + e.getKey()
                        + "' to '" + to + "', which is a reserved system column name");
                }
                if (!targets.add(to)) {
                    throw new MetaxyDefinitionException("Dependency on '" + feature + "': two columns are renamed to the same name '" + to + "'");
                }
            }
        }
        if (select != null && rename != null) {
            Set<String> renamedAway = new HashSet<>(rename.keySet());
            renamedAway.removeAll(rename.values());
            for (String s : select) {
                if (renamedAway.contains(s)) {
                    throw new MetaxyDefinitionException("Dependency on '" + feature + "': select lists '" + s
                        + "', but that column is renamed to '" + rename.get(s) + "'; select uses the new names");
                }
            }
        }
        if (select != null && new HashSet<>(select).size() != select.size()) {
            throw new MetaxyDefinitionException("Dependency on '" + feature + "': select lists a column twice: " + select);
        }
    }

    /** A plain dependency on {@code feature} (all columns, default mapping, identity lineage, required). */
    public static FeatureDep of(FeatureKey feature) {
        return on(feature).build();
    }

    /** Starts a dependency on {@code feature}. */
    public static Builder on(FeatureKey feature) {
        return new Builder(feature);
    }

    /** Starts a dependency on the feature with key string {@code feature}. */
    public static Builder on(String feature) {
        return new Builder(FeatureKey.of(feature));
    }

    public FeatureKey feature() {
        return feature;
    }

    /** The selected (post-rename) columns; empty means all columns. An empty list means only system and id columns. */
    public Optional<List<String>> select() {
        return Optional.ofNullable(select);
    }

    /** Column renames {@code old -> new}; empty means none declared. */
    public Optional<Map<String, String>> rename() {
        return Optional.ofNullable(rename);
    }

    /** The renamed name of an upstream column. */
    public String renamed(String column) {
        return rename == null ? column : rename.getOrDefault(column, column);
    }

    public FieldsMapping fieldsMapping() {
        return fieldsMapping;
    }

    /** SQL WHERE strings applied to the upstream (post-rename names); empty means none declared. */
    public Optional<List<String>> sqlFilters() {
        return Optional.ofNullable(sqlFilters);
    }

    public Lineage lineage() {
        return lineage;
    }

    public boolean optional() {
        return optional;
    }

    /** A builder pre-filled with this dependency. */
    public Builder toBuilder() {
        Builder b = new Builder(feature);
        b.select = select;
        b.rename = rename == null ? null : new LinkedHashMap<>(rename);
        b.fieldsMapping = fieldsMapping;
        b.sqlFilters = sqlFilters;
        b.lineage = lineage;
        b.optional = optional;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureDep d && d.feature.equals(feature) && Objects.equals(d.select, select)
            && Objects.equals(d.rename, rename) && d.fieldsMapping.equals(fieldsMapping)
            && Objects.equals(d.sqlFilters, sqlFilters) && d.lineage.equals(lineage) && d.optional == optional;
    }

    @Override
    public int hashCode() {
        return Objects.hash(feature, select, rename, fieldsMapping, sqlFilters, lineage, optional);
    }

    @Override
    public String toString() {
        return "FeatureDep(" + feature + (optional ? ", optional" : "") + ", lineage=" + lineage.type() + ")";
    }

    /** Fluent builder for {@link FeatureDep}. */
    public static final class Builder {
        private final FeatureKey feature;
        private List<String> select;
        private Map<String, String> rename;
        private FieldsMapping fieldsMapping = FieldsMapping.defaults();
        private List<String> sqlFilters;
        private Lineage lineage = Lineage.identity();
        private boolean optional;

        private Builder(FeatureKey feature) {
            this.feature = Objects.requireNonNull(feature, "feature");
        }

        /** Keeps only these (post-rename) user columns besides system and id columns. */
        public Builder select(String... columns) {
            this.select = new ArrayList<>(Arrays.asList(columns));
            return this;
        }

        public Builder select(List<String> columns) {
            this.select = columns == null ? null : new ArrayList<>(columns);
            return this;
        }

        /** Renames upstream column {@code from} to {@code to}. */
        public Builder rename(String from, String to) {
            if (rename == null) {
                rename = new LinkedHashMap<>();
            }
            rename.put(from, to);
            return this;
        }

        public Builder rename(Map<String, String> renames) {
            this.rename = renames == null ? null : new LinkedHashMap<>(renames);
            return this;
        }

        public Builder fieldsMapping(FieldsMapping mapping) {
            this.fieldsMapping = mapping;
            return this;
        }

        /** Adds a SQL WHERE predicate on the (renamed) upstream columns. */
        public Builder filter(String sqlPredicate) {
            if (sqlFilters == null) {
                sqlFilters = new ArrayList<>();
            }
            sqlFilters.add(sqlPredicate);
            return this;
        }

        public Builder sqlFilters(List<String> filters) {
            this.sqlFilters = filters == null ? null : new ArrayList<>(filters);
            return this;
        }

        public Builder lineage(Lineage lineage) {
            this.lineage = lineage;
            return this;
        }

        /** Makes the upstream optional: missing upstream rows do not drop downstream samples. */
        public Builder optional() {
            return optional(true);
        }

        public Builder optional(boolean value) {
            this.optional = value;
            return this;
        }

        public FeatureDep build() {
            return new FeatureDep(this);
        }
    }
}
