package dev.metaxy.definition;

import java.util.List;

/**
 * The shared shape of {@link FeatureKey} and {@link FieldKey}: a validated, non-empty tuple of lowercase parts with
 * its string forms. Natural order compares part tuples; the string form is what hashes use.
 */
public abstract sealed class Key<K extends Key<K>> implements Comparable<K> permits FeatureKey, FieldKey {
    private final KeyParts parts;

    Key(KeyParts parts) {
        this.parts = parts;
    }

    public List<String> parts() {
        return parts.parts();
    }

    /** Parts joined with {@code _}, the name of this key inside {@code *_by_field} structs. */
    public String toStructKey() {
        return String.join("_", parts.parts());
    }

    /** {@code "__"} followed by parts joined with {@code _}, appended to renamed upstream system columns. */
    public String toColumnSuffix() {
        return "__" + toStructKey();
    }

    /** Parts joined with {@code __}, every {@code -} replaced by {@code _}. */
    public String tableName() {
        return String.join("__", parts.parts()).replace('-', '_');
    }

    /** The canonical {@code /}-joined form used in every hash. */
    @Override
    public final String toString() {
        return parts.string();
    }

    @Override
    public final int compareTo(K other) {
        return parts.compareTo(((Key<?>) other).parts);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((Key<?>) o).parts.equals(parts);
    }

    @Override
    public final int hashCode() {
        return parts.hashCode();
    }
}
