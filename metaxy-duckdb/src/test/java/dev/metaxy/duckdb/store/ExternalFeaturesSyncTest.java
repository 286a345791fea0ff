package dev.metaxy.duckdb.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.config.FeatureSelectionConfig;
import dev.metaxy.config.MetaxyConfig;
import dev.metaxy.config.MetaxyWarnings;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.definition.FeatureDefinition.VersionMismatch;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.external.ExternalFeatureVersionMismatchException;
import dev.metaxy.external.ExternalFeatures;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.system.GraphSnapshots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExternalFeatures#sync} beyond the two-project conformance story: selections, unresolved placeholders, modes. */
class ExternalFeaturesSyncTest {
    private static final FeatureSpec AUDIO = FeatureSpec.builder("up/audio").idColumns("id").field("wave", "1").build();
    private static final FeatureSpec EMBEDDING = FeatureSpec.builder("up/embedding").idColumns("id").dependsOn(AUDIO)
        .field("vector", "2").build();
    private static final FeatureSpec OTHER = FeatureSpec.builder("other/thing").idColumns("id").field("x", "1").build();

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @BeforeEach
    void pushUpstreamAndOther() {
        push("upstream", AUDIO, EMBEDDING);
        push("other", OTHER);
    }

    private void push(String project, FeatureSpec... specs) {
        FeatureGraph g = new FeatureGraph();
        for (FeatureSpec s : specs) {
            g.register(FeatureDefinition.of(s, null, null, project));
        }
        try (MetadataStore s = store(g).open(AccessMode.WRITE)) {
            new GraphSnapshots(s).push(project, Map.of());
        }
    }

    private MetadataStore store(FeatureGraph g) {
        return DuckDbMetadataStore.builder(g).database(dir.resolve("shared.duckdb")).build();
    }

    private List<FeatureDefinition> sync(FeatureGraph g, FeatureSelectionConfig selection, VersionMismatch mode) {
        try (MetaxyWarnings.Scope w = MetaxyWarnings.redirect(warnings::add)) {
            return ExternalFeatures.sync(store(g), selection, mode);
        }
    }

    @Test
    void aKeySelectionBringsTheFeatureAndEverythingUpstreamOfIt() {
        FeatureGraph g = new FeatureGraph();
        List<FeatureDefinition> loaded = sync(g, FeatureSelectionConfig.ofKeys(List.of("up/embedding")), null);
        assertThat(loaded).extracting(d -> d.key().toString()).containsExactly("up/embedding", "up/audio");
        assertThat(g.keys()).extracting(Object::toString).containsExactlyInAnyOrder("up/embedding", "up/audio");
        assertThat(g.definition("up/audio").source()).contains(store(g).display());
        assertThat(warnings).isEmpty();
    }

    @Test
    void allSelectsEveryPushedFeatureButThoseDefinedHere() {
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.of(OTHER, null, null, "mine"));
        sync(g, new FeatureSelectionConfig(List.of(), List.of(), true), null);
        assertThat(g.keys()).hasSize(3);
        assertThat(g.definition("other/thing").project()).contains("mine");
    }

    @Test
    void aPlaceholderNobodyPushedStaysAndIsReported() {
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.external(
            FeatureSpec.builder("ghost/feature").idColumns("id").field("f", "1").build(), "ghosts", null));
        assertThat(sync(g, null, null)).isEmpty();
        assertThat(g.definition("ghost/feature").isExternal()).isTrue();
        assertThat(warnings).containsExactly("After syncing, 1 external feature(s) could not be resolved from the metadata "
            + "store: ghost/feature. These features may not exist in the store.");
    }

    @Test
    void aPlaceholderDeclaredStrictFailsOnAMismatchWithoutAnyConfiguration() {
        FeatureSpec stale = FeatureSpec.builder("up/audio").idColumns("id").field("wave", "0").build();
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.external(stale, "upstream", null, VersionMismatch.ERROR, "test"));
        assertThatThrownBy(() -> sync(g, null, null)).isInstanceOf(ExternalFeatureVersionMismatchException.class)
            .hasMessageStartingWith("Version mismatch detected for 1 external feature(s).")
            .hasMessageContaining("      wave: expected '");
        FeatureGraph lenient = new FeatureGraph().register(FeatureDefinition.external(stale, "upstream", null));
        sync(lenient, null, null);
        assertThat(warnings).hasSize(1);
        assertThat(lenient.definition("up/audio").isExternal()).isFalse();
    }

    @Test
    void withSyncOffAReadKeepsThePlaceholder() {
        FeatureGraph g = new FeatureGraph().register(FeatureDefinition.external(AUDIO, "upstream", null));
        MetaxyConfig off = MetaxyConfig.fromToml("sync = false\n", dir, Map.of());
        try (MetaxyConfig.Scope scope = off.use(); MetadataStore s = store(g).open(AccessMode.READ)) {
            assertThat(s.hasFeature("up/audio")).isFalse();
            ExternalFeatures.autoSync(s);
            assertThat(g.definition("up/audio").isExternal()).isTrue();
        }
        try (MetadataStore s = store(g).open(AccessMode.READ)) {
            ExternalFeatures.autoSync(s);
            assertThat(g.definition("up/audio").isExternal()).isFalse();
        }
    }
}
