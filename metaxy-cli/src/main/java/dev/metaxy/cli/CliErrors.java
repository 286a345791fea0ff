package dev.metaxy.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.config.ConfigException;
import dev.metaxy.definition.MetaxyDefinitionException;
import dev.metaxy.expr.InvalidFilterException;
import dev.metaxy.json.CanonicalJson;
import dev.metaxy.store.MetadataStoreException;
import java.io.PrintWriter;

/** Turns exceptions escaping a command into the CLI's output and exit code (1 for every handled error). */
final class CliErrors {
    private CliErrors() {
    }

    static int report(Exception ex, PrintWriter out, PrintWriter err) {
        if (ex instanceof CliException c && c.code() != null) {
            if (c.json()) {
                ObjectNode o = JsonOutput.object();
                o.put("error", c.code());
                o.put("message", c.getMessage());
                c.details().forEach((k, v) -> o.set(k, JsonOutput.mapper().valueToTree(v)));
                out.println(CanonicalJson.writeInOrder(o));
            } else {
                err.println("Error: " + c.getMessage());
                if (c.hint() != null) {
                    err.println("Hint: " + c.hint());
                }
            }
            out.flush();
            err.flush();
            return 1;
        }
        if (ex instanceof InvalidFilterException f) {
            err.println("Invalid filter syntax: " + f.getMessage());
        } else if (ex instanceof CliException || ex instanceof ConfigException || ex instanceof MetaxyDefinitionException
            || ex instanceof MetadataStoreException || ex instanceof IllegalArgumentException || ex instanceof IllegalStateException) {
            err.println("Error: " + String.valueOf(ex.getMessage()).stripTrailing());
        } else {
            err.println("Error: " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
