package dev.metaxy.duckdb.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.duckdb.DuckDbMetadataStore;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import dev.metaxy.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The storage format of DuckDB files: new files are written so the DuckDB 1.4 and 1.5 releases Python Metaxy users run
 * can open them (storage versions 64–68 are what DuckDB 1.5 reads), a configured {@code storage_compatibility_version}
 * wins, and existing files keep their format.
 */
class StorageFormatTest {
    private static final FeatureSpec VIDEO = FeatureSpec.builder("video").idColumns("sample_uid").field("frames", "1").build();

    @TempDir
    Path dir;

    /** The storage version number in a DuckDB file's main header (after the checksum and the "DUCK" magic). */
    static long storageVersion(Path file) throws IOException {
        byte[] header = new byte[20];
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(in.readNBytes(header, 0, 20)).isEqualTo(20);
        }
        assertThat(new String(header, 8, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("DUCK");
        return ByteBuffer.wrap(header, 12, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    private void writeOneRow(Path file, Map<String, String> config) {
        MetadataStore store = DuckDbMetadataStore.builder(FeatureGraph.of(List.of(VIDEO))).database(file).autoCreateTables(true)
            .connectionConfig(config).build();
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            s.write("video", List.of(Map.of("sample_uid", 1L, "metaxy_provenance_by_field", Map.of("frames", "f1"))));
        }
    }

    @Test
    void aNewFileHasTheStorageVersionOfDuckDb14() throws IOException {
        Path file = dir.resolve("new.duckdb");
        writeOneRow(file, Map.of());
        assertThat(storageVersion(file)).as("DuckDB 1.4's storage version, readable by DuckDB 1.4 and 1.5").isEqualTo(67L);
    }

    @Test
    void aConfiguredCompatibilityVersionWins() throws IOException {
        Path file = dir.resolve("v15.duckdb");
        writeOneRow(file, Map.of("storage_compatibility_version", "v1.5.0"));
        assertThat(storageVersion(file)).isEqualTo(68L);
    }

    @Test
    void existingFilesKeepTheirFormat() throws Exception {
        Path latest = dir.resolve("latest.duckdb");
        Properties props = new Properties();
        props.setProperty("storage_compatibility_version", "latest");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + latest, props); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE unrelated (x INTEGER)");
        }
        long before = storageVersion(latest);
        assertThat(before).isGreaterThan(68L);
        writeOneRow(latest, Map.of());
        assertThat(storageVersion(latest)).isEqualTo(before);

        Path python = dir.resolve("python.duckdb");
        Files.copy(SharedFiles.sharedDir().resolve("conformance/python-store/python_overview_md5.duckdb"), python);
        long pythonVersion = storageVersion(python);
        writeOneRow(python, Map.of());
        assertThat(storageVersion(python)).isEqualTo(pythonVersion).isLessThanOrEqualTo(68L);
    }
}
