package dev.metaxy.config;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where warnings of the library go (Python's {@code warnings.warn}): by default to the {@code dev.metaxy} system
 * logger at level WARNING; the CLI routes them to its stderr while a command runs.
 */
public final class MetaxyWarnings {
    private static final System.Logger LOG = System.getLogger("dev.metaxy");
    private static final Consumer<String> TO_LOGGER = message -> LOG.log(System.Logger.Level.WARNING, message);
    private static volatile Consumer<String> handler = TO_LOGGER;

    private MetaxyWarnings() {
    }

    /** Reports {@code message}. */
    public static void warn(String message) {
        handler.accept(message);
    }

    /** Sends warnings to {@code newHandler} until the returned scope is closed (then to the previous handler). */
    public static Scope redirect(Consumer<String> newHandler) {
        Objects.requireNonNull(newHandler, "newHandler");
        Consumer<String> previous = handler;
        handler = newHandler;
        return () -> handler = previous;
    }

    /** An open redirection. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
