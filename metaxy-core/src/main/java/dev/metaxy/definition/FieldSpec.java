package dev.metaxy.definition;

import java.util.List;
import java.util.Objects;

/**
 * One field of a feature: its key, its code version (bump it to invalidate the field) and, optionally,
 * explicit field-level dependencies. An empty dependency list means "use the automatic mapping".
 */
public final class FieldSpec {
    /** The code version of a field that never set one. */
    public static final String DEFAULT_CODE_VERSION = "__metaxy_initial__";
    /** The key of the single field a feature gets when it declares none. */
    public static final FieldKey DEFAULT_KEY = FieldKey.of("default");

    private final FieldKey key;
    private final String codeVersion;
    private final boolean allDeps;
    private final List<FieldDep> deps;

    private FieldSpec(FieldKey key, String codeVersion, boolean allDeps, List<FieldDep> deps) {
        this.key = Objects.requireNonNull(key, "key");
        if (codeVersion == null) {
            throw new MetaxyDefinitionException("Field '" + key + "': code_version must not be null");
        }
        this.codeVersion = codeVersion;
        this.allDeps = allDeps;
        this.deps = List.copyOf(deps);
    }

    /** A field with the default code version and automatic lineage. */
    public static FieldSpec of(String key) {
        return of(key, DEFAULT_CODE_VERSION);
    }

    /** A field with the given code version and automatic lineage. */
    public static FieldSpec of(String key, String codeVersion) {
        return new FieldSpec(FieldKey.of(key), codeVersion, false, List.of());
    }

    /** A field with the given code version and explicit field dependencies (replacing the automatic mapping). */
    public static FieldSpec of(String key, String codeVersion, FieldDep... deps) {
        return new FieldSpec(FieldKey.of(key), codeVersion, false, List.of(deps));
    }

    /** A field with explicit field dependencies. */
    public static FieldSpec of(FieldKey key, String codeVersion, List<FieldDep> deps) {
        return new FieldSpec(key, codeVersion, false, deps);
    }

    /** A field that depends on every field of every upstream feature. */
    public static FieldSpec dependingOnAll(FieldKey key, String codeVersion) {
        return new FieldSpec(key, codeVersion, true, List.of());
    }

    public FieldKey key() {
        return key;
    }

    public String codeVersion() {
        return codeVersion;
    }

    /** True when the field depends on all fields of all upstream features ({@code __METAXY_ALL_DEP__}). */
    public boolean dependsOnAll() {
        return allDeps;
    }

    /** Explicit field dependencies; empty means the automatic mapping applies (unless {@link #dependsOnAll()}). */
    public List<FieldDep> deps() {
        return deps;
    }

    /** A copy with another code version. */
    public FieldSpec withCodeVersion(String newCodeVersion) {
        return new FieldSpec(key, newCodeVersion, allDeps, deps);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSpec f && f.key.equals(key) && f.codeVersion.equals(codeVersion)
            && f.allDeps == allDeps && f.deps.equals(deps);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, codeVersion, allDeps, deps);
    }

    @Override
    public String toString() {
        return "FieldSpec(" + key + ", code_version=" + codeVersion + (allDeps ? ", deps=ALL" : deps.isEmpty() ? "" : ", deps=" + deps) + ")";
    }
}
