package dev.metaxy.duckdb.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.metaxy.duckdb.FrameFiles;
import dev.metaxy.frame.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameFilesTest {
    static List<Map<String, Object>> rows() {
        return List.of(Map.of("sample_uid", 1L, "path", "a.mp4", "score", 0.5),
            Map.of("sample_uid", 2L, "path", "b.mp4", "score", 1.5));
    }

    @ParameterizedTest
    @ValueSource(strings = {"out.parquet", "out.csv", "out.jsonl", "out.arrow"})
    void framesRoundTripThroughEveryFormat(String name, @TempDir Path dir) {
        Path file = dir.resolve(name);
        try (Frame f = Frame.fromRows(rows())) {
            FrameFiles.write(f, file);
        }
        try (Frame back = FrameFiles.read(file)) {
            assertThat(back.rowCount()).isEqualTo(2);
            assertThat(back.toRows()).extracting(r -> r.get("path")).containsExactlyInAnyOrder("a.mp4", "b.mp4");
            assertThat(back.toRows()).extracting(r -> ((Number) r.get("sample_uid")).longValue()).containsExactlyInAnyOrder(1L, 2L);
        }
    }

    @Test
    void aFileThatIsNotParquetIsAClearError(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake.parquet");
        Files.writeString(fake, "this is not parquet");
        assertThatThrownBy(() -> FrameFiles.read(fake)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Cannot read").hasMessageContaining("fake.parquet");
    }

    @Test
    void unknownExtensionsAndMissingFilesAreRejected(@TempDir Path dir) {
        assertThatThrownBy(() -> FrameFiles.read(dir.resolve("x.xlsx"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Unsupported file type 'x.xlsx'");
        assertThatThrownBy(() -> FrameFiles.read(dir.resolve("missing.csv"))).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("No such file");
    }

    @Test
    void namedCsvColumnsAreReadAsTextWhenPresent(@TempDir Path dir) throws Exception {
        Path csv = Files.writeString(dir.resolve("rows.csv"), "sample_uid,hash\n1,42\n2,7\n");
        try (Frame sniffed = FrameFiles.read(csv); Frame text = FrameFiles.read(csv, java.util.Set.of("hash", "absent"))) {
            assertThat(sniffed.toRows()).extracting(r -> r.get("hash")).containsExactly(42L, 7L);
            assertThat(text.toRows()).extracting(r -> r.get("hash")).containsExactly("42", "7");
            assertThat(text.toRows()).extracting(r -> r.get("sample_uid")).containsExactly(1L, 2L);
        }
    }
}
