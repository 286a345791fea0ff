package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.metaxy.cli.CliContext;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.FeatureKey;
import java.util.Map;

/**
 * What {@code metadata delete} did: rows soft- or hard-deleted per feature and the features that failed. Plain: one
 * {@code  • <key>: N row(s) <soft|hard>-deleted} line each and a total on stderr. JSON (stdout):
 * {@code {"mode": "soft"|"hard", "deleted": {key: N}, "total": N, "errors": {key: message}}}.
 */
record DeletionReport(boolean soft, Map<FeatureKey, Long> deleted, Map<FeatureKey, String> errors) {

    long total() {
        return deleted.values().stream().mapToLong(Long::longValue).sum();
    }

    void print(CliContext ctx, boolean json) {
        String mode = soft ? "soft" : "hard";
        if (json) {
            ObjectNode root = JsonOutput.object();
            root.put("mode", mode);
            ObjectNode counts = root.putObject("deleted");
            deleted.forEach((k, n) -> counts.put(k.toString(), n));
            root.put("total", total());
            ObjectNode failed = root.putObject("errors");
            errors.forEach((k, m) -> failed.put(k.toString(), m));
            ctx.out().println(JsonOutput.write(root));
            return;
        }
        deleted.forEach((k, n) -> ctx.err().println("  • " + k + ": " + n + " row(s) " + mode + "-deleted"));
        ctx.err().println("✓ Deletion complete (" + mode + " delete): " + total() + " row(s) in " + deleted.size() + " feature(s)");
    }
}
