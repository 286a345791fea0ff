package dev.metaxy.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The key of a field: a non-empty tuple of lowercase parts such as {@code audio/french}.
 * Natural order compares the part tuples; {@link #BY_STRING} orders by {@link #toString()} as most hashes do.
 */
public final class FieldKey extends Key<FieldKey> {
    /** Orders keys by their {@code /}-joined string form. */
    public static final Comparator<FieldKey> BY_STRING = Comparator.comparing(FieldKey::toString);

    private FieldKey(KeyParts parts) {
        super(parts);
    }

    /** Parses {@code "a/b/c"}; throws {@link InvalidKeyException} naming the key and the broken rule. */
    public static FieldKey of(String key) {
        return new FieldKey(KeyParts.parse("FieldKey", key));
    }

    /** Builds a key from its parts, validated like {@link #of(String)}. */
    public static FieldKey of(String first, String... more) {
        List<String> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(List.of(more));
        return new FieldKey(KeyParts.of("FieldKey", all));
    }

    /** Builds a key from a list of parts. */
    public static FieldKey ofParts(Collection<String> parts) {
        return new FieldKey(KeyParts.of("FieldKey", parts));
    }
}
