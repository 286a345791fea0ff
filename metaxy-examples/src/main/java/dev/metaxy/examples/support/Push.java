package dev.metaxy.examples.support;

import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import java.util.Map;

/** Records the configured project's feature graph in the store (what {@code metaxy push} does); returns the version. */
public final class Push {
    private Push() {
    }

    /** Pushes through an open store; returns the project version. */
    public static String graph(MetaxyConfig config, MetadataStore openStore) {
        String project = config.project().orElseThrow(() -> new IllegalStateException("metaxy.toml sets no project"));
        return new GraphSnapshots(openStore).push(project, Map.of()).projectVersion();
    }
}
