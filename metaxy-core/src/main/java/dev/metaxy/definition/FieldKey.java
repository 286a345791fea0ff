package dev.metaxy.definition;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The key of a field: a non-empty tuple of lowercase parts such as {@code audio/french}.
 * Natural order compares the part tuples; {@link #BY_STRING} orders by {@link #toString()} as most hashes do.
 */
public final class FieldKey implements Comparable<FieldKey> {
    /** Orders keys by their {@code /}-joined string form. */
    public static final Comparator<FieldKey> BY_STRING = Comparator.comparing(FieldKey::toString);

    private final KeyParts parts;

    private FieldKey(KeyParts parts) {
        this.parts = parts;
    }

    /** Parses {@code "a/b/c"}; throws {@link InvalidKeyException} naming the key and the broken rule. */
    public static FieldKey of(String key) {
        return new FieldKey(KeyParts.parse("FieldKey", key));
    }

    /** Builds a key from its parts, validated like {@link #of(String)}. */
    public static FieldKey of(String first, String... more) {
        if (more.length == 0) {
            return new FieldKey(KeyParts.of("FieldKey", List.of(first)));
        }
        java.util.ArrayList<String> all = new java.util.ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(List.of(more));
        return new FieldKey(KeyParts.of("FieldKey", all));
    }

    /** Builds a key from a list of parts. */
    public static FieldKey ofParts(Collection<String> parts) {
        return new FieldKey(KeyParts.of("FieldKey", parts));
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
    public int compareTo(FieldKey other) {
        return parts.compareTo(other.parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldKey k && k.parts.equals(parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }
}
