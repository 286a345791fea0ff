package dev.metaxy.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The key of a feature: a non-empty tuple of lowercase parts such as {@code video/crop}.
 * Natural order compares the part tuples; {@link #BY_STRING} orders by {@link #toString()} as most hashes do.
 */
public final class FeatureKey extends Key<FeatureKey> {
    /** Orders keys by their {@code /}-joined string form. */
    public static final Comparator<FeatureKey> BY_STRING = Comparator.comparing(FeatureKey::toString);

    private FeatureKey(KeyParts parts) {
        super(parts);
    }

    /** Parses {@code "a/b/c"}; throws {@link InvalidKeyException} naming the key and the broken rule. */
    public static FeatureKey of(String key) {
        return new FeatureKey(KeyParts.parse("FeatureKey", key));
    }

    /** Builds a key from its parts, validated like {@link #of(String)}. */
    public static FeatureKey of(String first, String... more) {
        List<String> all = new ArrayList<>(more.length + 1);
        all.add(first);
        all.addAll(List.of(more));
        return new FeatureKey(KeyParts.of("FeatureKey", all));
    }

    /** Builds a key from a list of parts. */
    public static FeatureKey ofParts(Collection<String> parts) {
        return new FeatureKey(KeyParts.of("FeatureKey", parts));
    }
}
