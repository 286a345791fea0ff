package dev.metaxy.cli.metadata;

import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.CliException;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.InvalidKeyException;
import dev.metaxy.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Feature selection shared by several commands: positional {@code FEATURES...} (also {@code --feature K}, repeatable)
 * or {@code --all-features} (the configured project's features, or every feature with {@code --all-projects}).
 */
public final class FeatureSelector {
    @Parameters(paramLabel = "FEATURES", arity = "0..*", description = "Feature keys (e.g. 'my_feature' or 'namespace/feature').")
    List<String> features = new ArrayList<>();

    @Option(names = "--feature", paramLabel = "KEY", description = "A feature key (repeatable; same as a positional key).")
    List<String> featureOptions = new ArrayList<>();

    @Option(names = "--all-features", arity = "0..1", fallbackValue = "true", description = "Apply to all features of the project.")
    boolean allFeatures;

    /** The requested keys split into those in the graph (in request order) and those that are not. */
    public record Selection(List<FeatureKey> valid, List<FeatureKey> missing) {
        public boolean isEmpty() {
            return valid.isEmpty();
        }
    }

    private List<String> requested() {
        List<String> all = new ArrayList<>(features);
        all.addAll(featureOptions);
        return all;
    }

    /**
     * Validates the flags and resolves the keys against {@code graph}. Unknown keys are an error with
     * {@code errorMissing}, otherwise (plain output) a {@code Warning: Feature(s) not found: ...} line on stdout.
     */
    public Selection resolve(CliContext context, FeatureGraph graph, boolean json, boolean errorMissing) {
        List<String> requested = requested();
        if (!allFeatures && requested.isEmpty()) {
            throw new CliException("MISSING_REQUIRED_FLAG", "Must specify either --all-features or feature arguments",
                Map.of("required_flags", List.of("--all-features", "<features>")), json, null);
        }
        if (allFeatures && !requested.isEmpty()) {
            throw new CliException("CONFLICTING_FLAGS", "Cannot specify both --all-features and feature arguments",
                Map.of("conflicting_flags", List.of("--all-features", "<features>")), json, null);
        }
        if (allFeatures) {
            return new Selection(projectFeatures(context, graph), List.of());
        }
        List<FeatureKey> valid = new ArrayList<>();
        List<FeatureKey> missing = new ArrayList<>();
        for (String raw : requested) {
            FeatureKey key;
            try {
                key = FeatureKey.of(raw);
            } catch (InvalidKeyException e) {
                throw new CliException("INVALID_FEATURE_KEY", "Invalid feature key '" + raw + "': " + e.getMessage(),
                    Map.of("key", raw), json, null);
            }
            (graph.contains(key) ? valid : missing).add(key);
        }
        if (!missing.isEmpty()) {
            List<String> names = missing.stream().map(FeatureKey::toString).toList();
            if (errorMissing) {
                throw new CliException("FEATURES_NOT_FOUND", "Feature(s) not found in graph", Map.of("features", names), json, null);
            }
            if (!json) {
                context.out().println("Warning: Feature(s) not found: " + String.join(", ", names));
            }
        }
        return new Selection(valid, missing);
    }

    /** The configured project's features (the {@code --project} option does not apply here), graph order. */
    private static List<FeatureKey> projectFeatures(CliContext context, FeatureGraph graph) {
        String project = context.allProjects() ? null : context.config().project().orElse(null);
        List<FeatureKey> keys = new ArrayList<>();
        for (FeatureDefinition d : graph.definitions()) {
            if (project == null || d.project().map(project::equals).orElse(false)) {
                keys.add(d.key());
            }
        }
        return keys;
    }
}
