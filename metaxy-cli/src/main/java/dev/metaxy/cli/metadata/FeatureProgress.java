package dev.metaxy.cli.metadata;

import java.io.PrintWriter;

/**
 * A one-line progress bar over features on stderr, redrawn in place ({@code \r}) as each feature is done. It only
 * draws on an interactive terminal ({@link System#console()} present) and for more than one feature, so piped and
 * captured output stays clean.
 */
final class FeatureProgress implements AutoCloseable {
    private static final int WIDTH = 24;
    private final PrintWriter err;
    private final String action;
    private final int total;
    private final boolean visible;
    private int done;
    private int lastLength;

    FeatureProgress(PrintWriter err, String action, int total, boolean interactive) {
        this.err = err;
        this.action = action;
        this.total = total;
        this.visible = interactive && total > 1;
    }

    /** A progress bar that draws only when stdout/stderr are attached to a terminal. */
    static FeatureProgress start(PrintWriter err, String action, int total) {
        return new FeatureProgress(err, action, total, System.console() != null);
    }

    /** Marks one more feature as being worked on ({@code label}, e.g. its key) and redraws. */
    void step(String label) {
        if (!visible) {
            return;
        }
        done++;
        draw(line(done - 1, label));
    }

    /** The bar for {@code completed} of the total features, naming the current one. */
    String line(int completed, String label) {
        int filled = total == 0 ? WIDTH : (int) Math.round((double) WIDTH * completed / total);
        return action + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + completed + "/" + total + " " + label;
    }

    private void draw(String text) {
        String padding = " ".repeat(Math.max(0, lastLength - text.length()));
        err.print("\r" + text + padding);
        err.flush();
        lastLength = text.length();
    }

    /** Erases the bar so following output starts on a clean line. */
    @Override
    public void close() {
        if (visible && lastLength > 0) {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            err.flush();
        }
    }
}
