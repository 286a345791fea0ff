package dev.metaxy.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.FeatureInfo;
import dev.metaxy.cli.FeatureSelector;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.graph.FeatureGraph;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code metaxy describe features}: project, versions, description, fields with lineage and dependencies. */
@Command(name = "features", aliases = "feature", description = "Describe one or more features in detail.",
    mixinStandardHelpOptions = true)
public final class DescribeFeaturesCommand extends ContextCommand implements Callable<Integer> {
    @Mixin
    FeatureSelector selector;

    @Option(names = {"-f", "--format"}, defaultValue = "plain", description = "plain or json")
    OutputFormat format;

    @Override
    public Integer call() {
        FeatureGraph graph = context().graph();
        List<FeatureKey> keys = selector.resolve(context(), format, true).found();
        if (keys.isEmpty()) {
            return 0;
        }
        List<ObjectNode> features = keys.stream().map(k -> describe(context(), graph, k)).toList();
        if (format == OutputFormat.JSON) {
            if (features.size() == 1) {
                context().out().println(JsonOutput.write(features.get(0)));
            } else {
                ObjectNode root = JsonOutput.object();
                root.putArray("features").addAll(features);
                context().out().println(JsonOutput.write(root));
            }
        } else {
            for (int i = 0; i < features.size(); i++) {
                if (i > 0) {
                    context().out().println();
                    context().out().println("─".repeat(60));
                    context().out().println();
                }
                new FeatureBlock(context().out()).print(features.get(i));
            }
        }
        return 0;
    }

    static ObjectNode describe(CliContext ctx, FeatureGraph graph, FeatureKey key) {
        FeatureInfo info = FeatureInfo.of(ctx, graph, key);
        FeatureSpec spec = info.definition().spec();
        ObjectNode o = JsonOutput.object();
        o.put("project", info.definition().project().orElse(null));
        o.put("key", key.toString());
        o.put("version", info.version());
        o.put("description", spec.description().orElse(null));
        o.put("is_external", info.definition().isExternal());
        o.put("source", info.source());
        ArrayNode ids = o.putArray("id_columns");
        spec.idColumns().forEach(ids::add);
        o.set("fields", info.fields(true));
        ArrayNode deps = o.putArray("dependencies");
        for (FeatureDep dep : spec.deps()) {
            ObjectNode d = deps.addObject();
            d.put("feature", dep.feature().toString());
            dep.select().ifPresent(cols -> {
                ArrayNode sel = d.putArray("select");
                cols.forEach(sel::add);
            });
            dep.rename().filter(r -> !r.isEmpty()).ifPresent(r -> {
                ObjectNode ren = d.putObject("rename");
                r.forEach(ren::put);
            });
            if (dep.optional()) {
                d.put("optional", true);
            }
        }
        JsonNode metadata = spec.metadata();
        if (metadata != null && !metadata.isEmpty()) {
            o.set("metadata", metadata);
        }
        return o;
    }
}
