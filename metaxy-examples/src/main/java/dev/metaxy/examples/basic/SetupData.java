package dev.metaxy.examples.basic;

import dev.metaxy.examples.support.ExampleContext;

/** Setup step of the basic example: nothing to prepare, the parent step creates the data. */
public final class SetupData {
    private SetupData() {
    }

    public static Void run(ExampleContext ctx) {
        ctx.out().println("✓ The basic example needs no separate data setup");
        ctx.out().println("  Data is created by the parent step (ComputeParent)");
        return null;
    }

    public static void main(String[] args) {
        ExampleContext.runMain("basic-setup", SetupData::run);
    }
}
