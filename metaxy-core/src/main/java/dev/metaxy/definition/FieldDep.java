package dev.metaxy.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An explicit field-level dependency: some (or all) fields of one upstream feature.
 * Listing explicit dependencies on a {@link FieldSpec} replaces the automatic {@link FieldsMapping}.
 */
public final class FieldDep {
    private final FeatureKey feature;
    private final List<FieldKey> fields; // null = all fields

    private FieldDep(FeatureKey feature, List<FieldKey> fields) {
        this.feature = Objects.requireNonNull(feature, "feature");
        this.fields = fields == null ? null : List.copyOf(fields);
    }

    /** Depends on the named fields of {@code feature}. With no field names, depends on all of them. */
    public static FieldDep on(String feature, String... fields) {
        return on(FeatureKey.of(feature), fields);
    }

    /** Depends on the named fields of {@code feature}. With no field names, depends on all of them. */
    public static FieldDep on(FeatureKey feature, String... fields) {
        if (fields.length == 0) {
            return all(feature);
        }
        List<FieldKey> keys = new ArrayList<>(fields.length);
        for (String f : fields) {
            keys.add(FieldKey.of(f));
        }
        return new FieldDep(feature, keys);
    }

    /** Depends on the given fields of {@code feature} (an empty list is allowed and means none). */
    public static FieldDep on(FeatureKey feature, List<FieldKey> fields) {
        return new FieldDep(feature, Objects.requireNonNull(fields, "fields"));
    }

    /** Depends on every field of {@code feature}. */
    public static FieldDep all(FeatureKey feature) {
        return new FieldDep(feature, null);
    }

    public FeatureKey feature() {
        return feature;
    }

    /** The upstream fields, or empty when this dependency covers all fields. */
    public Optional<List<FieldKey>> fields() {
        return Optional.ofNullable(fields);
    }

    public boolean isAllFields() {
        return fields == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldDep d && d.feature.equals(feature) && Objects.equals(d.fields, fields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(feature, fields);
    }

    @Override
    public String toString() {
        return "FieldDep(" + feature + ", " + (fields == null ? "ALL" : fields) + ")";
    }
}
