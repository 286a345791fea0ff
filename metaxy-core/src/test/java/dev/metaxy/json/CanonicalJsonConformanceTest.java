package dev.metaxy.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.testing.SharedFiles;
import dev.metaxy.hash.HashAlgorithm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every {@code canonical_json_vectors} entry of golden-vectors.json: the exact text and its sha256. */
class CanonicalJsonConformanceTest {
    private static final int EXPECTED_VECTOR_COUNT = 3;

    private static List<JsonNode> vectors() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedFiles.goldenVectors().toFile());
        List<JsonNode> vectors = new ArrayList<>();
        root.get("canonical_json_vectors").forEach(vectors::add);
        return vectors;
    }

    @Test
    void goldenFileHoldsAllCanonicalJsonVectors() throws IOException {
        assertThat(vectors()).hasSize(EXPECTED_VECTOR_COUNT);
    }

    @TestFactory
    Stream<DynamicContainer> canonicalJsonMatchesPythonJsonDumps() throws IOException {
        return vectors().stream().map(vector -> {
            String canonical = CanonicalJson.write(vector.get("json_object"));
            return DynamicContainer.dynamicContainer(vector.get("id").textValue(), Stream.of(
                    DynamicTest.dynamicTest("canonical_json", () ->
                            assertThat(canonical).isEqualTo(vector.get("canonical_json").textValue())),
                    DynamicTest.dynamicTest("expected_sha256_hex", () ->
                            assertThat(HashAlgorithm.SHA256.hash(canonical))
                                    .isEqualTo(vector.get("expected_sha256_hex").textValue()))));
        });
    }
}
