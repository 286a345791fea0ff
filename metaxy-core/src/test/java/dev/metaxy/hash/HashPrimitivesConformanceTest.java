package dev.metaxy.hash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.testing.SharedFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every {@code hash_primitives} vector of golden-vectors.json, one dynamic test each. */
class HashPrimitivesConformanceTest {
    private static final int EXPECTED_VECTOR_COUNT = 39;

    private static List<JsonNode> vectors() throws IOException {
        JsonNode root = new ObjectMapper().readTree(SharedFiles.goldenVectors().toFile());
        List<JsonNode> vectors = new ArrayList<>();
        root.get("hash_primitives").forEach(vectors::add);
        return vectors;
    }

    @Test
    void goldenFileHoldsAllHashPrimitives() throws IOException {
        assertThat(vectors()).hasSize(EXPECTED_VECTOR_COUNT);
    }

    @TestFactory
    Stream<DynamicTest> renderedHashMatchesPythonMetaxy() throws IOException {
        return vectors().stream().map(vector -> {
            String algorithm = vector.get("algorithm").textValue();
            String input = vector.get("input_utf8").textValue();
            String expected = vector.get("expected_full").textValue();
            return DynamicTest.dynamicTest(algorithm + "(\"" + input + "\")",
                    () -> assertThat(HashAlgorithm.fromName(algorithm).hash(input)).isEqualTo(expected));
        });
    }
}
