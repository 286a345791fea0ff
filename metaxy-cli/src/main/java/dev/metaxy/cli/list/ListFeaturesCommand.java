package dev.metaxy.cli.list;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.FeatureInfo;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.cli.TextTable;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.graph.FeatureGraph;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metaxy list features}: the features of the current project (graph order) with versions and sources. */
@Command(name = "features", aliases = "feature", description = "List Metaxy features in the current project.",
    mixinStandardHelpOptions = true)
public final class ListFeaturesCommand extends ContextCommand implements Callable<Integer> {
    @Option(names = {"-v", "--verbose"}, description = "Show field dependencies and versions.")
    boolean verbose;

    @Option(names = {"-f", "--format"}, defaultValue = "plain", description = "plain or json")
    OutputFormat format;

    @Override
    public Integer call() {
        FeatureGraph graph = context().graph();
        String project = context().project().orElse(null);
        ArrayNode features = JsonOutput.array();
        for (FeatureDefinition d : graph.definitions()) {
            if (project != null && !Objects.equals(project, d.project().orElse(null))) {
                continue;
            }
            FeatureInfo info = FeatureInfo.of(context(), graph, d.key());
            ObjectNode o = features.addObject();
            o.put("key", d.key().toString());
            o.put("version", info.version());
            o.put("is_root", d.spec().isRoot());
            o.put("is_external", d.isExternal());
            o.put("project", d.project().orElse(null));
            o.put("source", info.source());
            ArrayNode fields = info.fields(verbose);
            o.put("field_count", fields.size());
            o.set("fields", fields);
            if (verbose && !d.spec().isRoot()) {
                ArrayNode deps = o.putArray("deps");
                info.dependencyKeys().forEach(deps::add);
            }
        }
        if (format == OutputFormat.JSON) {
            ObjectNode root = JsonOutput.object();
            root.put("feature_count", features.size());
            root.set("features", features);
            context().out().println(JsonOutput.write(root));
        } else {
            printPlain(features);
        }
        return 0;
    }

    private void printPlain(ArrayNode features) {
        PrintWriter out = context().out();
        if (features.isEmpty()) {
            context().err().println("No features found in the current project.");
            return;
        }
        Map<String, List<ObjectNode>> byProject = new LinkedHashMap<>();
        features.forEach(f -> byProject.computeIfAbsent(f.path("project").asText("None"), k -> new ArrayList<>()).add((ObjectNode) f));
        byProject.forEach((project, list) -> {
            TextTable table = verbose ? new TextTable("Feature", "Version", "Source", "Dependencies")
                : new TextTable("Feature", "Version", "Source");
            for (ObjectNode f : list) {
                if (verbose) {
                    List<String> deps = new ArrayList<>();
                    f.path("deps").forEach(d -> deps.add(d.asText()));
                    table.row(f.get("key").asText(), f.get("version").asText(), f.get("source").asText(),
                        deps.isEmpty() ? "-" : String.join(", ", deps));
                } else {
                    table.row(f.get("key").asText(), f.get("version").asText(), f.get("source").asText());
                }
            }
            context().err().println(project);
            context().err().flush();
            out.print(table.render());
            out.println();
        });
        int roots = 0;
        int external = 0;
        for (var f : features) {
            roots += f.get("is_root").asBoolean() ? 1 : 0;
            external += f.get("is_external").asBoolean() ? 1 : 0;
        }
        out.println("Total: " + features.size() + " feature(s) (" + roots + " root, " + (features.size() - roots) + " dependent"
            + (external > 0 ? ", " + external + " external" : "") + ")");
        if (verbose) {
            out.println();
            features.forEach(f -> printFields(out, (ObjectNode) f));
        }
    }

    private static void printFields(PrintWriter out, ObjectNode feature) {
        out.println(feature.get("key").asText() + " (" + feature.path("project").asText("None") + ") " + feature.get("source").asText());
        TextTable table = new TextTable("Field", "Code Version", "Version", "Dependencies");
        feature.get("fields").forEach(f -> {
            String version = f.get("version").asText();
            List<String> deps = new ArrayList<>();
            f.path("deps").forEach(d -> d.get("fields").forEach(x -> deps.add(d.get("feature").asText() + "."
                + (x.asText().equals("*") ? "*" : x.asText()))));
            table.row(f.get("key").asText(), f.get("code_version").asText(),
                version.length() > 12 ? version.substring(0, 12) + "..." : version, deps.isEmpty() ? "-" : String.join(", ", deps));
        });
        out.print(table.render());
        out.println();
    }
}
