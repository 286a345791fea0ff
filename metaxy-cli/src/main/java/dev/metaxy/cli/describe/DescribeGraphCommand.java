package dev.metaxy.cli.describe;

import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.ProjectVersion;
import dev.metaxy.cli.TextTable;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphDescription;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metaxy describe graph}: feature count, depth, roots and leaves of the current graph (stderr). With
 * {@code --snapshot} it first checks the store recorded that version, then (as the reference does) describes the
 * current graph.
 */
@Command(name = "graph", description = "Describe a graph snapshot.", mixinStandardHelpOptions = true)
public final class DescribeGraphCommand extends ContextCommand implements Callable<Integer> {
    @Option(names = "--snapshot", paramLabel = "V", description = "Project version to describe (default: the current graph)")
    String snapshot;

    @Option(names = "--store", paramLabel = "S", description = "Metadata store to use (default: the configured default)")
    String store;

    @Override
    public Integer call() {
        PrintWriter err = context().err();
        String project = context().project().orElse(null);
        MetadataStore metadataStore = context().store(store);
        if (snapshot == null) {
            err.println("Describing current feature graph...");
        } else {
            err.println("Describing feature graph snapshot: " + snapshot);
            List<Map<String, Object>> rows;
            try (MetadataStore s = metadataStore.open(AccessMode.READ)) {
                rows = new GraphSnapshots(s).rows(project).stream()
                    .filter(r -> snapshot.equals(r.get("metaxy_project_version"))).toList();
            }
            if (rows.isEmpty()) {
                err.println("✗ No features found for snapshot " + snapshot);
                if (project != null) {
                    err.println("  (filtered by project: " + project + ")");
                }
                return 0;
            }
        }
        FeatureGraph graph = context().graph();
        GraphDescription info = GraphDescription.of(graph, project, ProjectVersion.of(context(), graph));
        err.println();
        err.println("Graph Snapshot: " + info.projectVersion() + (project == null ? "" : " (Project: " + project + ")"));
        TextTable table = new TextTable("Metric", "Value");
        if (info.filteredFeatures() != null && info.filteredFeatures() < info.totalFeatures()) {
            table.row("Total Features", String.valueOf(info.totalFeatures()));
            table.row("Features in " + info.filterProject(), String.valueOf(info.filteredFeatures()));
        } else {
            table.row("Total Features", String.valueOf(info.filteredFeatures() != null ? info.filteredFeatures() : info.totalFeatures()));
        }
        table.row("Graph Depth", String.valueOf(info.graphDepth()));
        table.row("Root Features", String.valueOf(info.rootFeatures().size()));
        table.row("Leaf Features", String.valueOf(info.leafFeatures().size()));
        err.print(table.render());
        if (info.projects().size() > 1) {
            err.println();
            err.println("Features by Project:");
            info.projects().forEach((p, n) -> err.println("  • " + p + ": " + n + " features"));
        }
        bullets(err, "Root Features:", info.rootFeatures());
        bullets(err, "Leaf Features:", info.leafFeatures());
        return 0;
    }

    private static void bullets(PrintWriter err, String title, List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        err.println();
        err.println(title);
        keys.stream().limit(10).forEach(k -> err.println("  • " + k));
        if (keys.size() > 10) {
            err.println("  ... and " + (keys.size() - 10) + " more");
        }
    }
}
