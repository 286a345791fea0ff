package dev.metaxy.definition;

import java.util.Comparator;
import java.util.Objects;

/** A field of a specific feature, written {@code feature/key.field/key}; parent fields are ordered by this string. */
public record QualifiedFieldKey(FeatureKey feature, FieldKey field) implements Comparable<QualifiedFieldKey> {
    private static final Comparator<QualifiedFieldKey> ORDER = Comparator.comparing(QualifiedFieldKey::toString);

    public QualifiedFieldKey {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(field, "field");
    }

    @Override
    public String toString() {
        return feature + "." + field;
    }

    @Override
    public int compareTo(QualifiedFieldKey other) {
        return ORDER.compare(this, other);
    }
}
