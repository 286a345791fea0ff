package dev.metaxy.examples.basic;

import dev.metaxy.examples.support.ExampleContext;
import java.io.PrintStream;

/**
 * The basic example's pipeline: the parent step, then the child step; says so when nothing had to be recomputed.
 * Run it from {@code examples/basic} (see {@code run.sh}); {@code METAXY_ENTRYPOINTS} selects the definitions
 * after a code change.
 */
public final class Pipeline {
    /** What one pipeline run did. */
    public record Result(int parentRowsWritten, ComputeChild.Result child) {
        public boolean idempotent() {
            return child.newSamples() == 0 && child.stale() == 0;
        }
    }

    private Pipeline() {
    }

    public static Result run(ExampleContext ctx) {
        PrintStream out = ctx.out();
        out.println("Pipeline");
        out.println("=".repeat(60));
        out.println();
        out.println("[1/2] Computing parent feature...");
        int written = ComputeParent.run(ctx);
        out.println();
        out.println("[2/2] Computing child feature...");
        ComputeChild.Result child = ComputeChild.run(ctx);
        Result result = new Result(written, child);
        out.println();
        if (result.idempotent()) {
            out.println("No changes detected (idempotent)");
        } else if (child.stale() > 0) {
            out.println("Note: recomputation occurred because an upstream changed");
        }
        out.println();
        out.println("✅ Pipeline complete!");
        return result;
    }

    public static void main(String[] args) {
        ExampleContext.runMain("basic-pipeline", Pipeline::run);
    }
}
