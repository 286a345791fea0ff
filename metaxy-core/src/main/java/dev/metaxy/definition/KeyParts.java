package dev.metaxy.definition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The validated tuple of string parts shared by {@link FeatureKey} and {@link FieldKey}. */
final class KeyParts implements Comparable<KeyParts> {
    private static final Pattern FIRST_PART = Pattern.compile("[a-z_][a-z0-9_-]*");
    private static final Pattern LATER_PART = Pattern.compile("[a-z0-9_][a-z0-9_-]*");

    private final List<String> parts;
    private final String string;

    private KeyParts(List<String> parts) {
        this.parts = List.copyOf(parts);
        this.string = String.join("/", parts);
    }

    static KeyParts parse(String kind, String text) {
        if (text == null) {
            throw new InvalidKeyException(kind + " must not be null");
        }
        if (text.isEmpty()) {
            throw new InvalidKeyException(kind + " '' is invalid: a key must have at least one part");
        }
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '/') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return validated(kind, text, parts);
    }

    static KeyParts of(String kind, Collection<String> parts) {
        if (parts == null) {
            throw new InvalidKeyException(kind + " must not be null");
        }
        List<String> list = new ArrayList<>(parts.size());
        for (String p : parts) {
            list.add(Objects.requireNonNull(p, () -> kind + " " + parts + " has a null part"));
        }
        if (list.isEmpty()) {
            throw new InvalidKeyException(kind + " [] is invalid: a key must have at least one part");
        }
        return validated(kind, String.valueOf(list), list);
    }

    private static KeyParts validated(String kind, String shown, List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            String problem = problemWith(part, i == 0);
            if (problem != null) {
                throw new InvalidKeyException(kind + " '" + shown + "' is invalid: part " + (i + 1)
                    + " '" + part + "' " + problem);
            }
        }
        return new KeyParts(parts);
    }

    private static String problemWith(String part, boolean first) {
        if (part.isEmpty()) {
            return "is empty (keys are non-empty parts separated by '/')";
        }
        if (part.contains("/")) {
            return "contains '/' (a part may not contain the separator)";
        }
        if (part.contains("__")) {
            return "contains '__' (double underscores are reserved for table names)";
        }
        if (first && !FIRST_PART.matcher(part).matches()) {
            return "must match ^[a-z_][a-z0-9_-]*$ (lowercase ASCII letters, digits, '_' and '-', "
                + "starting with a letter or '_')";
        }
        if (!first && !LATER_PART.matcher(part).matches()) {
            return "must match ^[a-z0-9_][a-z0-9_-]*$ (lowercase ASCII letters, digits, '_' and '-')";
        }
        return null;
    }

    List<String> parts() {
        return parts;
    }

    String string() {
        return string;
    }

    @Override
    public int compareTo(KeyParts other) {
        int n = Math.min(parts.size(), other.parts.size());
        for (int i = 0; i < n; i++) {
            int c = parts.get(i).compareTo(other.parts.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(parts.size(), other.parts.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyParts k && k.string.equals(string);
    }

    @Override
    public int hashCode() {
        return string.hashCode();
    }
}
