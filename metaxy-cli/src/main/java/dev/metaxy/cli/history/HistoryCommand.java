package dev.metaxy.cli.history;

import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.NonNegative;
import dev.metaxy.cli.TextTable;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metaxy history}: pushed project versions, newest first, with first push time and row count (stderr). */
@Command(name = "history", description = "Show history of recorded graph snapshots from the metadata store.",
    mixinStandardHelpOptions = true)
public final class HistoryCommand extends ContextCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Option(names = "--store", paramLabel = "S", description = "Metadata store to use (default: the configured default)")
    String store;

    @Option(names = "--limit", paramLabel = "N", converter = NonNegative.class, description = "Show at most N snapshots (default: all)")
    Integer limit;

    /** One pushed project version: when it was first recorded and how many rows were written for it. */
    record Snapshot(String projectVersion, LocalDateTime recordedAt, int featureCount) {
    }

    @Override
    public Integer call() {
        PrintWriter err = context().err();
        List<Map<String, Object>> rows;
        try (MetadataStore s = context().store(store).open(AccessMode.READ)) {
            rows = new GraphSnapshots(s).rows(context().project().orElse(null));
        }
        List<Snapshot> snapshots = group(rows);
        if (snapshots.isEmpty()) {
            err.println("No graph snapshots recorded yet");
            return 0;
        }
        if (limit != null && limit < snapshots.size()) {
            snapshots = snapshots.subList(0, limit);
        }
        TextTable table = new TextTable("Project version", "Recorded At", "Feature Count");
        snapshots.forEach(s -> table.row(s.projectVersion(), TIME.format(s.recordedAt()), String.valueOf(s.featureCount())));
        err.println("Graph Snapshot History");
        err.print(table.render());
        err.println();
        err.println("Total snapshots: " + snapshots.size());
        return 0;
    }

    static List<Snapshot> group(List<Map<String, Object>> rows) {
        Map<String, Snapshot> byVersion = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String pv = (String) r.get("metaxy_project_version");
            LocalDateTime at = (LocalDateTime) r.get("recorded_at");
            Snapshot prev = byVersion.get(pv);
            byVersion.put(pv, prev == null ? new Snapshot(pv, at, 1)
                : new Snapshot(pv, at.isBefore(prev.recordedAt()) ? at : prev.recordedAt(), prev.featureCount() + 1));
        }
        List<Snapshot> out = new ArrayList<>(byVersion.values());
        out.sort(Comparator.comparing(Snapshot::recordedAt).reversed());
        return out;
    }
}
