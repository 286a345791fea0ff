package dev.metaxy.cli;

import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.MetaxyDefinitionException;
import dev.metaxy.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Feature selection shared by commands ({@code describe features}, {@code metadata ...}): positional
 * {@code FEATURES...} (also {@code --feature K}, repeatable, as the reference user guide writes it) or
 * {@code --all-features}, never both. Errors are structured ({@code MISSING_REQUIRED_FLAG},
 * {@code CONFLICTING_FLAGS}, {@code INVALID_FEATURE_KEY}, {@code FEATURES_NOT_FOUND}). Use as a picocli mixin.
 */
public final class FeatureSelector {
    @Parameters(arity = "0..*", paramLabel = "FEATURES", description = "Feature keys (e.g. 'my_feature' or 'namespace/feature').")
    List<String> features = new ArrayList<>();

    @Option(names = "--feature", paramLabel = "KEY", description = "A feature key (repeatable; same as a positional key).")
    List<String> featureOptions = new ArrayList<>();

    @Option(names = "--all-features", description = "Apply to all features in the project's feature graph.")
    boolean allFeatures;

    /** Selected keys found in the graph, and requested keys it lacks. */
    public record Selection(List<FeatureKey> found, List<FeatureKey> missing) {
    }

    /**
     * Resolves the selection against the context graph. {@code --all-features} takes the config project's features
     * (all features with {@code --all-projects} or without a configured project), in graph order. Unknown keys
     * are an error when {@code errorMissing}, else a plain-mode warning on stdout.
     */
    public Selection resolve(CliContext context, OutputFormat format, boolean errorMissing) {
        return resolve(context, context.graph(), format, errorMissing);
    }

    /** Like {@link #resolve(CliContext, OutputFormat, boolean)}, against {@code graph} (e.g. a stored snapshot's). */
    public Selection resolve(CliContext context, FeatureGraph graph, OutputFormat format, boolean errorMissing) {
        boolean json = format == OutputFormat.JSON;
        List<String> features = new ArrayList<>(this.features);
        features.addAll(featureOptions);
        if (!allFeatures && features.isEmpty()) {
            throw new CliException("MISSING_REQUIRED_FLAG", "Must specify either --all-features or feature arguments",
                Map.of("required_flags", List.of("--all-features", "<features>")), json, null);
        }
        if (allFeatures && !features.isEmpty()) {
            throw new CliException("CONFLICTING_FLAGS", "Cannot specify both --all-features and feature arguments",
                Map.of("conflicting_flags", List.of("--all-features", "<features>")), json, null);
        }
        if (allFeatures) {
            String project = context.allProjects() ? null : context.config().project().orElse(null);
            List<FeatureKey> keys = new ArrayList<>();
            for (FeatureDefinition d : graph.definitions()) {
                if (project == null || Objects.equals(project, d.project().orElse(null))) {
                    keys.add(d.key());
                }
            }
            return new Selection(keys, List.of());
        }
        List<FeatureKey> found = new ArrayList<>();
        List<FeatureKey> missing = new ArrayList<>();
        for (String raw : features) {
            FeatureKey key;
            try {
                key = FeatureKey.of(raw);
            } catch (MetaxyDefinitionException e) {
                throw new CliException("INVALID_FEATURE_KEY", "Invalid feature key '" + raw + "': " + e.getMessage(),
                    Map.of("key", raw), json, null);
            }
            (graph.contains(key) ? found : missing).add(key);
        }
        if (!missing.isEmpty()) {
            List<String> names = missing.stream().map(FeatureKey::toString).toList();
            if (errorMissing) {
                throw new CliException("FEATURES_NOT_FOUND", "Feature(s) not found in graph", Map.of("features", names), json, null);
            }
            if (!json) {
                context.err().println("Warning: Feature(s) not found: " + String.join(", ", names));
            }
        }
        return new Selection(found, missing);
    }
}
