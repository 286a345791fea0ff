package dev.metaxy.external;

import java.util.ArrayList;
import java.util.List;

/**
 * What a new lock file changes against the previous one: features added, removed, and updated (their definition
 * version changed; {@code metadataOnly} when the feature version stayed the same), and how many stayed unchanged.
 */
public record LockChanges(List<Change> added, List<Update> updated, List<Change> removed, int unchanged) {

    /** A feature added to or removed from the lock. */
    public record Change(String project, String key, String version) {
    }

    /** A feature whose locked definition changed. */
    public record Update(String project, String key, String oldVersion, String newVersion, boolean metadataOnly) {
    }

    public LockChanges {
        added = List.copyOf(added);
        updated = List.copyOf(updated);
        removed = List.copyOf(removed);
    }

    /** The changes from {@code before} (null: no usable previous file) to {@code after}. */
    public static LockChanges between(LockFile before, LockFile after) {
        List<Change> added = new ArrayList<>();
        List<Update> updated = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        int unchanged = 0;
        for (LockFile.LockedFeature f : after.features().values()) {
            String key = f.definition().key().toString();
            LockFile.LockedFeature old = before == null ? null : before.features().get(key);
            if (old == null) {
                added.add(new Change(f.project(), key, f.version()));
            } else if (!old.definitionVersion().equals(f.definitionVersion())) {
                updated.add(new Update(f.project(), key, old.version(), f.version(), old.version().equals(f.version())));
            } else {
                unchanged++;
            }
        }
        if (before != null) {
            before.features().forEach((key, f) -> {
                if (!after.features().containsKey(key)) {
                    removed.add(new Change(f.project(), key, f.version()));
                }
            });
        }
        return new LockChanges(added, updated, removed, unchanged);
    }

    /** The number of features in the new lock. */
    public int count() {
        return added.size() + updated.size() + unchanged;
    }

    /** Whether anything was added, updated or removed. */
    public boolean changed() {
        return !added.isEmpty() || !updated.isEmpty() || !removed.isEmpty();
    }
}
