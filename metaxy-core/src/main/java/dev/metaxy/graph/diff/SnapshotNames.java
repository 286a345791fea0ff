package dev.metaxy.graph.diff;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphException;
import dev.metaxy.system.GraphSnapshots;

/** Resolves the snapshot names of {@code graph-diff}: {@code latest}, {@code current} or a project version. */
public final class SnapshotNames {
    private SnapshotNames() {
    }

    /**
     * The project version {@code name} stands for.
     *
     * @throws IllegalArgumentException when nothing was pushed ({@code latest}) or the graph is empty ({@code current})
     */
    public static String resolve(String name, GraphSnapshots snapshots, FeatureGraph current, String project) {
        if (name.equals("latest")) {
            return snapshots.latestProjectVersion(project).orElseThrow(() -> new IllegalArgumentException(
                "No snapshots found in store. Cannot resolve 'latest'. Run 'metaxy push' to record a snapshot."));
        }
        if (name.equals("current")) {
            if (current.size() == 0) {
                throw new IllegalArgumentException("Cannot resolve 'current': active graph is empty. "
                    + "Ensure features are loaded before using 'current'.");
            }
            if (project != null) {
                return current.versions().projectVersion(project);
            }
            try {
                return current.versions().projectVersion();
            } catch (GraphException e) {
                throw new IllegalArgumentException("Cannot resolve 'current': " + e.getMessage(), e);
            }
        }
        return name;
    }
}
