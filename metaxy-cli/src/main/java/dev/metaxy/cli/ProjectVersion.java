package dev.metaxy.cli;

import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphException;

/** The project version shown for a graph: of the configured project, else of the graph's only project. */
public final class ProjectVersion {
    private ProjectVersion() {
    }

    /** The version, or null when the graph spans several projects and none is configured. */
    public static String of(CliContext context, FeatureGraph graph) {
        String project = context.config().project().orElse(null);
        if (project != null) {
            return graph.versions().projectVersion(project);
        }
        try {
            return graph.versions().projectVersion();
        } catch (GraphException e) {
            return null;
        }
    }
}
