package dev.metaxy.cli;

/** Output format of listing commands: a human table or JSON. */
public enum OutputFormat {
    PLAIN, JSON
}
