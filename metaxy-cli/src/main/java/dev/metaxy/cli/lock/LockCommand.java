package dev.metaxy.cli.lock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.cli.StoreLabel;
import dev.metaxy.config.FeatureSelectionConfig;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.external.LockChanges;
import dev.metaxy.external.FeaturesNotPushedException;
import dev.metaxy.external.LockGeneration;
import dev.metaxy.json.CanonicalJson;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code metaxy lock}: writes {@code metaxy.lock} with the definitions of the external features this project
 * depends on (and those {@code extra_features} selects), fetched from the store's pushed snapshots. The change
 * lines and the summary go to stderr; {@code --format json} prints the changes as JSON on stdout instead.
 */
@Command(name = "lock", mixinStandardHelpOptions = true,
    description = "Generate the metaxy.lock file with external feature definitions fetched from the metadata store.")
public final class LockCommand extends ContextCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "S", description = "Metadata store to use (default: the configured default)")
    String store;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
        description = "Output file (default: metaxy.lock beside the config file, or metaxy_lock_path)")
    Path output;

    @Option(names = "--format", paramLabel = "FORMAT", description = "plain (default) or json (the changes, on stdout)")
    OutputFormat format = OutputFormat.PLAIN;

    @Override
    public Integer call() {
        MetaxyConfig config = context().config();
        String project = config.project().orElse(null);
        if (context().projectOverridden()) {
            throw new CliException("This command can only be used with the project from Metaxy configuration: "
                + (project == null ? "(not configured)" : project));
        }
        if (project == null) {
            throw new CliException("The 'project' field must be set in metaxy.toml for 'metaxy lock'.");
        }
        Path target = output != null ? context().workingDir().resolve(output)
            : config.lockFile().orElse(context().workingDir().resolve(config.metaxyLockPath().orElse("metaxy.lock")));
        String storeName = store == null ? config.store() : store;
        String storeText = StoreLabel.of(config, storeName).text();
        FeatureSelectionConfig selection = config.extraFeatures().stream().reduce(FeatureSelectionConfig::or).orElse(null);
        long start = System.nanoTime();
        LockChanges changes;
        try (MetadataStore s = context().store(store).open(AccessMode.READ)) {
            changes = LockGeneration.generate(s, target, project, selection);
        } catch (FeaturesNotPushedException e) {
            throw new CliException("FEATURES_NOT_FOUND", e.getMessage(), Map.of("features", e.keys()), format == OutputFormat.JSON,
                "Run `metaxy push` in the project that defines these features.");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        String shown = display(target);
        if (format == OutputFormat.JSON) {
            context().out().println(CanonicalJson.writeInOrder(json(shown, changes)));
            return 0;
        }
        PrintWriter err = context().err();
        Map<String, List<String[]>> byProject = lines(changes);
        byProject.forEach((p, entries) -> {
            if (byProject.size() > 1) {
                err.println(" " + p);
            }
            entries.stream().sorted((a, b) -> a[0].compareTo(b[0])).forEach(e -> err.println(e[1]));
        });
        if (changes.changed()) {
            err.printf("Updated %s from %s in %.2fs.%n", shown, storeText, seconds);
        } else {
            err.printf("Lock file %s is up to date (%.2fs).%n", shown, seconds);
        }
        return 0;
    }

    /** The change lines per project (sorted), each as {key, line}. */
    private static Map<String, List<String[]>> lines(LockChanges changes) {
        Map<String, List<String[]>> out = new TreeMap<>();
        changes.added().forEach(c -> add(out, c.project(), c.key(), " + " + c.key() + " (" + c.version() + ")"));
        changes.updated().forEach(u -> add(out, u.project(), u.key(), u.metadataOnly()
            ? " ~ " + u.key() + " (" + u.oldVersion() + ", non-versioning metadata update)"
            : " ~ " + u.key() + " (" + u.oldVersion() + " -> " + u.newVersion() + ")"));
        changes.removed().forEach(c -> add(out, c.project(), c.key(), " - " + c.key() + " (" + c.version() + ")"));
        return out;
    }

    private static void add(Map<String, List<String[]>> out, String project, String key, String line) {
        out.computeIfAbsent(project, p -> new ArrayList<>()).add(new String[] {key, line});
    }

    private static ObjectNode json(String shown, LockChanges changes) {
        ObjectNode o = JsonOutput.object();
        o.put("lock_file", shown);
        o.put("changed", changes.changed());
        ArrayNode added = o.putArray("added");
        changes.added().forEach(c -> added.addObject().put("project", c.project()).put("key", c.key()).put("version", c.version()));
        ArrayNode updated = o.putArray("updated");
        changes.updated().forEach(u -> updated.addObject().put("project", u.project()).put("key", u.key())
            .put("old_version", u.oldVersion()).put("new_version", u.newVersion()).put("metadata_only", u.metadataOnly()));
        ArrayNode removed = o.putArray("removed");
        changes.removed().forEach(c -> removed.addObject().put("project", c.project()).put("key", c.key()).put("version", c.version()));
        o.put("unchanged", changes.unchanged());
        return o;
    }

    private String display(Path target) {
        Path cwd = context().workingDir().toAbsolutePath().normalize();
        Path abs = target.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
    }
}
