package dev.metaxy.cli.push;

import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.StoreLabel;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import dev.metaxy.system.PushResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code metaxy push}: records the configured project's feature definitions in the store's system table. Status
 * goes to stderr; stdout carries only the project version, for scripts.
 */
@Command(name = "push", description = "Serialize all Metaxy features to the metadata store.", mixinStandardHelpOptions = true)
public final class PushCommand extends ContextCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "S", description = "Metadata store to use (default: the configured default)")
    String store;

    @Option(names = {"-t", "--tags"}, paramLabel = "KEY=VALUE",
        description = "Key-value pairs attached to the snapshot; also --tags.<key> <value>")
    Map<String, String> tags = new LinkedHashMap<>();

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    @Override
    public Integer call() {
        Map<String, String> allTags = new LinkedHashMap<>(tags);
        allTags.putAll(dottedTags());
        PrintWriter err = context().err();
        String configured = context().config().project().orElse(null);
        if (context().projectOverridden()) {
            throw new CliException("This command can only be used with the project from Metaxy configuration: "
                + (configured == null ? "(not configured)" : configured));
        }
        if (configured == null) {
            throw new CliException("The 'project' field must be set in metaxy.toml for 'metaxy push'.");
        }
        if (allTags.containsKey("metaxy")) {
            throw new CliException("`metaxy` tag is reserved for internal use");
        }
        String storeName = store == null ? context().config().store() : store;
        PushResult result;
        try (MetadataStore s = context().store(store).open(AccessMode.WRITE)) {
            result = new GraphSnapshots(s).push(configured, allTags);
            err.println("Recorded at: " + StoreLabel.of(context().config(), storeName).text());
        }
        if (!result.alreadyPushed()) {
            err.println("✓ Recorded feature graph");
        } else if (!result.updatedFeatures().isEmpty()) {
            err.println("ℹ Updated feature information (no topological changes)");
            err.println("  Updated features:");
            result.updatedFeatures().forEach(k -> err.println("    - " + k));
        } else {
            err.println("✓ Snapshot already recorded (no changes)");
        }
        context().out().println(result.projectVersion());
        return 0;
    }

    /** {@code --tags.<key> <value>} (or {@code -t.<key>}) pairs; anything else left over is an unknown option. */
    private Map<String, String> dottedTags() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < unmatched.size(); i++) {
            String arg = unmatched.get(i);
            String key = arg.startsWith("--tags.") ? arg.substring(7) : arg.startsWith("-t.") ? arg.substring(3) : null;
            if (key == null || key.isEmpty()) {
                throw new CliException("Unknown option: '" + arg + "'");
            }
            int eq = key.indexOf('=');
            if (eq >= 0) {
                out.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < unmatched.size()) {
                out.put(key, unmatched.get(++i));
            } else {
                throw new CliException("Missing value for option '" + arg + "'");
            }
        }
        return out;
    }
}
