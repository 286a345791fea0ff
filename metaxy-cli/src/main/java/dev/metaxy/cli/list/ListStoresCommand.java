package dev.metaxy.cli.list;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.ContextCommand;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.cli.OutputFormat;
import dev.metaxy.cli.TextTable;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.config.StoreConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code metaxy list stores}: every configured store (instantiated, not opened), the default first. */
@Command(name = "stores", aliases = "store", description = "List configured metadata stores.", mixinStandardHelpOptions = true)
public final class ListStoresCommand extends ContextCommand implements Callable<Integer> {
    @Option(names = {"-f", "--format"}, defaultValue = "plain", description = "plain or json")
    OutputFormat format;

    @Override
    public Integer call() {
        MetaxyConfig config = context().config();
        String defaultStore = config.store();
        List<StoreConfig> stores = new ArrayList<>(config.stores().values());
        stores.sort(Comparator.comparing((StoreConfig s) -> !s.name().equals(defaultStore)).thenComparing(StoreConfig::name));
        PrintWriter out = context().out();
        if (format == OutputFormat.JSON) {
            ObjectNode root = JsonOutput.object();
            root.put("default_store", defaultStore);
            root.put("store_count", stores.size());
            ArrayNode arr = root.putArray("stores");
            for (StoreConfig s : stores) {
                ObjectNode o = arr.addObject();
                o.put("name", s.name());
                o.put("is_default", s.name().equals(defaultStore));
                o.put("info", context().store(s.name()).display());
                ArrayNode fb = o.putArray("fallbacks");
                s.fallbackStores().forEach(fb::add);
            }
            out.println(JsonOutput.write(root));
            return 0;
        }
        if (stores.isEmpty()) {
            context().err().println("No stores configured.");
            return 0;
        }
        TextTable table = new TextTable("Name", "Info", "Fallbacks");
        for (StoreConfig s : stores) {
            table.row(s.name().equals(defaultStore) ? s.name() + " (default)" : s.name(), context().store(s.name()).display(),
                s.fallbackStores().isEmpty() ? "-" : String.join(", ", s.fallbackStores()));
        }
        out.print(table.render());
        out.println();
        out.println("Total: " + stores.size() + " store(s)");
        return 0;
    }
}
