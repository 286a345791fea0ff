package dev.metaxy.graph.diff;

/** A field added (no old version), removed (no new version) or whose version changed between two snapshots. */
public record FieldChange(String fieldKey, String oldVersion, String newVersion) {

    public boolean isAdded() {
        return oldVersion == null && newVersion != null;
    }

    public boolean isRemoved() {
        return oldVersion != null && newVersion == null;
    }

    public boolean isChanged() {
        return oldVersion != null && newVersion != null && !oldVersion.equals(newVersion);
    }
}
