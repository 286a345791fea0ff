package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.JsonOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Checks a JSON Lines file before DuckDB infers its types, because inference hides what went wrong: a
 * {@code *_by_field} value that is a number or null (mixed with strings it becomes quoted JSON text), and an object or
 * array in a column of scalar values (it would be stored as a Python-repr string). Rows count from 1, blank lines
 * skipped. Lines that are not JSON objects are left to the reader's own error.
 */
final class JsonLinesCheck {
    private final Map<String, Integer> firstNested = new LinkedHashMap<>();
    private final Map<String, Integer> firstScalar = new HashMap<>();

    private JsonLinesCheck() {
    }

    /** Checks {@code file}; {@code stored} is the schema of the feature's table (null: no table yet). */
    static void check(Path file, Schema stored) {
        JsonLinesCheck check = new JsonLinesCheck();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int row = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    check.row(++row, line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check.nestedColumns(stored);
    }

    private void row(int row, String line) {
        JsonNode node;
        try {
            node = JsonOutput.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            return;
        }
        if (node == null || !node.isObject()) {
            return;
        }
        node.fields().forEachRemaining(e -> {
            String column = e.getKey();
            JsonNode value = e.getValue();
            if (InputFrame.BY_FIELD.contains(column)) {
                if (value.isObject()) {
                    value.fields().forEachRemaining(f -> InputFrame.requireHash(column, row, f.getKey(), f.getValue()));
                }
            } else if (value.isContainerNode()) {
                firstNested.putIfAbsent(column, row);
            } else if (!value.isNull()) {
                firstScalar.putIfAbsent(column, row);
            }
        });
    }

    private void nestedColumns(Schema stored) {
        Set<String> textColumns = new java.util.HashSet<>();
        if (stored != null) {
            for (Field f : stored.getFields()) {
                if (f.getType() instanceof ArrowType.Utf8 || f.getType() instanceof ArrowType.LargeUtf8) {
                    textColumns.add(f.getName());
                }
            }
        }
        firstNested.forEach((column, row) -> {
            if (firstScalar.containsKey(column) || textColumns.contains(column)) {
                throw new CliException("Column '" + column + "', row " + row + ": a JSON object or array in a "
                    + (textColumns.contains(column) ? "text column" : "column of scalar values") + "; write it as a JSON string");
            }
        });
    }
}
