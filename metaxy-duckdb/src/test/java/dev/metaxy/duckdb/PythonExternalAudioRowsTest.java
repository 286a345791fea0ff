package dev.metaxy.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.metaxy.testing.SharedFiles;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The contract {@code ExternalFeaturesContract} replays the rows Python's upstream job wrote to the root feature
 * {@code up/audio} from a resource (the contract runs on stores without DuckDB); this checks the resource against
 * Python's store file, batch by batch in the order written.
 */
class PythonExternalAudioRowsTest {
    @Test
    void theReplayedAudioRowsAreThoseInPythonsStore() throws Exception {
        Path store = SharedFiles.goldenVectors().getParent().resolve("python-external/store.duckdb");
        Map<String, List<String>> batches = new LinkedHashMap<>();
        Properties ro = new Properties();
        ro.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + store, ro);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT sample_id, to_json(metaxy_provenance_by_field)::VARCHAR AS pbf, "
                 + "CAST(metaxy_created_at AS VARCHAR) AS t FROM up__audio ORDER BY metaxy_created_at, sample_id")) {
            while (rs.next()) {
                batches.computeIfAbsent(rs.getString("t"), t -> new ArrayList<>())
                    .add(rs.getString("sample_id") + " " + new ObjectMapper().readTree(rs.getString("pbf")));
            }
        }
        List<List<String>> resource = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/python-external/up_audio_writes.json")) {
            for (JsonNode batch : new ObjectMapper().readTree(in).get("batches")) {
                List<String> rows = new ArrayList<>();
                batch.get("rows").forEach(r -> rows.add(r.get("sample_id").asText() + " " + r.get("metaxy_provenance_by_field")));
                resource.add(rows);
            }
        }
        assertThat(resource).isEqualTo(new ArrayList<>(batches.values()));
    }
}
