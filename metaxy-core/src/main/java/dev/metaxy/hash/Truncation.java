package dev.metaxy.hash;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * Metaxy's {@code hash_truncation_length}: every rendered hash is cut to its first {@code L} characters before it is
 * stored or reused. The default is 8 and the minimum is 8; {@link #NONE} keeps hashes whole.
 */
public final class Truncation {
    /** The smallest length Python Metaxy accepts. */
    public static final int MINIMUM_LENGTH = 8;
    /** Python Metaxy's default: keep 8 characters. */
    public static final Truncation DEFAULT = new Truncation(MINIMUM_LENGTH);
    /** No truncation: hashes are used in full. */
    public static final Truncation NONE = new Truncation(-1);

    private final int length;

    private Truncation(int length) {
        this.length = length;
    }

    /**
     * Returns the truncation keeping {@code length} characters, or {@link #NONE} when {@code length} is null.
     *
     * @throws IllegalArgumentException if {@code length} is below {@link #MINIMUM_LENGTH}
     */
    public static Truncation of(Integer length) {
        if (length == null) {
            return NONE;
        }
        if (length < MINIMUM_LENGTH) {
            throw new IllegalArgumentException("hash_truncation_length must be at least " + MINIMUM_LENGTH
                    + ", got " + length);
        }
        return length == MINIMUM_LENGTH ? DEFAULT : new Truncation(length);
    }

    /**
     * Parses a configured value: null, blank or {@code "none"} (any case) mean no truncation, anything else must be
     * an integer of at least {@link #MINIMUM_LENGTH}.
     *
     * @throws IllegalArgumentException if the value is not an integer or is below the minimum
     */
    public static Truncation parse(String value) {
        if (value == null || value.isBlank() || value.trim().toLowerCase(Locale.ROOT).equals("none")) {
            return NONE;
        }
        try {
            return of(Integer.valueOf(value.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "hash_truncation_length must be an integer or 'none', got '" + value + "'", e);
        }
    }

    /** The number of characters kept, or empty when hashes are not truncated. */
    public OptionalInt length() {
        return length < 0 ? OptionalInt.empty() : OptionalInt.of(length);
    }

    /** Returns {@code hash} cut to the configured length; shorter hashes and null are returned unchanged. */
    public String apply(String hash) {
        if (hash == null || length < 0 || hash.length() <= length) {
            return hash;
        }
        return hash.substring(0, length);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Truncation && ((Truncation) other).length == length;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(length);
    }

    @Override
    public String toString() {
        return length < 0 ? "Truncation[none]" : "Truncation[" + length + "]";
    }
}
