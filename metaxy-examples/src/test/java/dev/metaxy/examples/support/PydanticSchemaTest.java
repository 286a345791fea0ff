package dev.metaxy.examples.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.definition.FeatureDefinition;
import dev.metaxy.examples.overview.OverviewFeatures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated schemas equal the ones Python Metaxy recorded for the overview example (the CLI's test fixture). */
class PydanticSchemaTest {
    @Test
    void overviewSchemasEqualTheRecordedOnes() throws IOException {
        Path fixture = Runbook.examplesRoot().getParent().resolve("metaxy-cli/src/test/resources/example-overview/features.json");
        JsonNode recorded = Json.parse(Files.readString(fixture)).path("features");
        Map<String, JsonNode> byKey = new HashMap<>();
        recorded.forEach(f -> byKey.put(f.path("spec").path("key").asText(), f.path("feature_schema")));
        assertThat(byKey).hasSize(4);
        for (FeatureDefinition d : OverviewFeatures.features()) {
            assertThat(d.schema()).as(d.key().toString()).isEqualTo(byKey.get(d.key().toString()));
        }
    }

    @Test
    void titlesAndRequiredColumnsFollowPydantic() {
        JsonNode s = PydanticSchema.model("Audio").column("duration_seconds", PydanticSchema.Type.NUMBER, "Length").build();
        assertThat(s.path("title").asText()).isEqualTo("Audio");
        assertThat(s.path("properties").path("duration_seconds").path("title").asText()).isEqualTo("Duration Seconds");
        assertThat(s.path("properties").path("duration_seconds").path("description").asText()).isEqualTo("Length");
        assertThat(s.path("required")).hasSize(1);
        assertThat(s.has("description")).isFalse();
        assertThat(PydanticSchema.model("Crop").build().has("required")).isFalse();
    }
}
