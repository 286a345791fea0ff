package dev.metaxy.definition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The key of a feature: a non-empty tuple of lowercase parts such as {@code video/crop}.
 * Natural order compares the part tuples; {@link #BY_STRING} orders by {@link #toString()} as most hashes do.
 */
public final class FeatureKey implements Comparable<FeatureKey> {
    /** Orders keys by their {@code /}-joined string form. */
    public static final Comparator<FeatureKey> BY_STRING = Comparator.comparing(FeatureKey::toString);

    private final KeyParts parts;

    private FeatureKey(KeyParts parts) {
        this.parts = parts;
    }

    /** Parses {@code "a/b/c"}; throws {@link InvalidKeyException} naming the key and the broken rule. */
    public static FeatureKey of(String key) {
        return new FeatureKey(KeyParts.parse("FeatureKey", key));
    }

    /** Builds a key from its parts, validated like {@link #of(String)}. */
    public static FeatureKey of(String first, String... more) {
        if (more.length == 0) {
            return new FeatureKey(KeyParts.of("FeatureKey", List.of(first)));
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(List.of(more));
        return new FeatureKey(KeyParts.of("FeatureKey", all));
    }

    /** Builds a key from a list of parts. */
    public static FeatureKey ofParts(Collection<String> parts) {
        return new FeatureKey(KeyParts.of("FeatureKey", parts));
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
    public String toString() {
        return parts.string();
    }

    @Override
    public int compareTo(FeatureKey other) {
        return parts.compareTo(other.parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureKey k && k.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
