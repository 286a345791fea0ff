package dev.metaxy.cli.graphdiff;

import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.graph.FocusOptions;
import dev.metaxy.graph.diff.DiffMermaidRenderer;
import dev.metaxy.graph.diff.DiffStatus;
import dev.metaxy.graph.diff.DiffTextRenderer;
import dev.metaxy.graph.diff.FieldDisplay;
import dev.metaxy.graph.diff.GraphDiff;
import dev.metaxy.graph.diff.GraphDiffer;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code metaxy graph-diff render FROM [TO]}: the merged diff of two pushed snapshots of the project ({@code latest},
 * {@code current} or a project version) as text, Mermaid or JSON, to stdout or {@code --output}. The diff itself is
 * computed by {@link GraphDiffer}; status lines go to stderr.
 */
@Command(name = "render", description = "Render the merged graph of two snapshots, features marked added, removed, changed "
    + "or unchanged.", mixinStandardHelpOptions = true)
public final class GraphDiffRenderCommand extends ContextCommand implements Callable<Integer> {
    private static final List<String> FORMATS = List.of("terminal", "mermaid", "json");

    @Parameters(index = "0", paramLabel = "FROM", description = "First snapshot: latest, current or a project version")
    String from;

    @Parameters(index = "1", paramLabel = "TO", arity = "0..1", defaultValue = "current",
        description = "Second snapshot: latest, current or a project version (default: current)")
    String to;

    @Option(names = "--store", paramLabel = "S", description = "Metadata store to read snapshots from (default: the configured store)")
    String store;

    @Option(names = {"-f", "--format"}, defaultValue = "terminal", description = "terminal, mermaid or json (default: terminal)")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH", description = "Output file (default: stdout)")
    Path output;

    @Mixin
    FocusOptions focus;

    @Option(names = "--show-fields", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
        description = "List fields under each feature (terminal and mermaid; default: true)")
    boolean showFields;

    @Option(names = "--changed-fields-only", description = "List only added, removed and re-versioned fields (terminal and mermaid)")
    boolean changedFieldsOnly;

    @Override
    public Integer call() {
        FieldDisplay fields = validate();
        String project = requiredProject();
        GraphDiff diff;
        try (MetadataStore s = context().store(store).open(AccessMode.READ)) {
            diff = GraphDiffer.diffSnapshots(s, from, to, context().graph(), project);
        }
        if (focus.feature != null) {
            diff = diff.focus(focus.feature, focus.up, focus.down);
        }
        String rendered = switch (format) {
            case "mermaid" -> new DiffMermaidRenderer(diff, fields).render();
            case "json" -> JsonOutput.write(diff.toJson());
            default -> new DiffTextRenderer(diff, fields).render();
        };
        PrintWriter err = context().err();
        err.println("Comparing " + diff.fromProjectVersion() + " → " + diff.toProjectVersion() + ": "
            + diff.withStatus(DiffStatus.ADDED).size() + " added, " + diff.withStatus(DiffStatus.REMOVED).size() + " removed, "
            + diff.withStatus(DiffStatus.CHANGED).size() + " changed");
        if (output != null) {
            context().writeText(output, rendered);
            err.println("Success: Diff rendered to: " + output);
        } else {
            context().out().println(rendered);
        }
        return 0;
    }

    /** Checks the options before anything is read; returns the field display they ask for. */
    private FieldDisplay validate() {
        if (!FORMATS.contains(format)) {
            throw new CliException("Invalid format '" + format + "'. Must be one of: " + String.join(", ", FORMATS));
        }
        focus.validate();
        if (changedFieldsOnly && !showFields) {
            throw new CliException("Cannot specify both --changed-fields-only and --no-show-fields");
        }
        if (format.equals("json") && (changedFieldsOnly || !showFields)) {
            throw new CliException("--changed-fields-only and --no-show-fields apply to the terminal and mermaid formats, not json");
        }
        return !showFields ? FieldDisplay.NONE : changedFieldsOnly ? FieldDisplay.CHANGED : FieldDisplay.ALL;
    }

    private String requiredProject() {
        if (context().allProjects()) {
            throw new CliException("This command requires a specific project. Cannot use --all-projects flag.");
        }
        return context().project().orElseThrow(() ->
            new CliException("This command requires a project. Set 'project' in metaxy.toml or use --project flag."));
    }

}
