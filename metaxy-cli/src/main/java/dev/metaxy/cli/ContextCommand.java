package dev.metaxy.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Base of commands that use the shared {@link CliContext}. */
public abstract class ContextCommand {
    @Spec
    protected CommandSpec spec;

    protected CliContext context() {
        return ((MetaxyCli) spec.root().userObject()).context();
    }
}
