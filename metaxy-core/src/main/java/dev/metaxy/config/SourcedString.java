package dev.metaxy.config;

import java.nio.file.Path;

/** A string read from a config file, remembered with its file until {@code ${VAR}} expansion has run. */
record SourcedString(String value, Path file) {
}
