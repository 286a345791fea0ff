package dev.metaxy.cli.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.metaxy.cli.CliException;
import dev.metaxy.cli.JsonOutput;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.duckdb.FrameFiles;
import dev.metaxy.frame.Frame;
import dev.metaxy.frame.FrameSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A metadata file to write: Parquet, CSV or JSON Lines (by extension). {@code *_by_field} columns that arrive as text
 * (CSV cells, or JSON strings) must hold JSON objects keyed by field and become struct columns; CSV system columns
 * are read as text so digit-only hashes stay strings.
 */
final class InputFrame {
    static final List<String> BY_FIELD = List.of(SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.DATA_VERSION_BY_FIELD);
    private static final Set<String> TEXT = Set.of(SystemColumns.PROVENANCE_BY_FIELD, SystemColumns.PROVENANCE,
        SystemColumns.DATA_VERSION_BY_FIELD, SystemColumns.DATA_VERSION, SystemColumns.FEATURE_VERSION,
        SystemColumns.PROJECT_VERSION, SystemColumns.MATERIALIZATION_ID);

    private InputFrame() {
    }

    /**
     * Reads {@code file}; a missing, empty or unreadable file, a malformed by-field value (not an object of string
     * hashes), or a nested JSON value for a text column is a {@link CliException}. {@code stored} is the schema of the
     * feature's table, null when it has none yet.
     */
    static Frame read(Path file, Schema stored) {
        if (!Files.isRegularFile(file)) {
            throw new CliException("No such file: " + file);
        }
        try {
            if (Files.size(file) == 0) {
                throw new CliException("Input file is empty: " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FrameFiles.Format format;
        try {
            format = FrameFiles.formatOf(file);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (format == FrameFiles.Format.ARROW_IPC) {
            throw new CliException("Unsupported input file '" + file.getFileName() + "': use .parquet, .csv or .jsonl");
        }
        if (format == FrameFiles.Format.JSONL) {
            JsonLinesCheck.check(file, stored);
        }
        Frame frame;
        try {
            frame = FrameFiles.read(file, TEXT);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage().lines().findFirst().orElse("Cannot read " + file));
        }
        try (frame) {
            return byFieldAsStructs(frame);
        }
    }

    /** A copy of {@code frame} whose text {@code *_by_field} columns are parsed into structs of strings. */
    static Frame byFieldAsStructs(Frame frame) {
        List<String> textual = BY_FIELD.stream().filter(c -> frame.hasColumn(c) && isText(frame.schema().findField(c))).toList();
        if (textual.isEmpty()) {
            requireHashes(frame);
            return frame.select(frame.columnNames());
        }
        List<Map<String, Object>> rows = frame.toRows();
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        for (String column : textual) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> parsed = parseObject(column, i, (String) rows.get(i).get(column));
                rows.get(i).put(column, parsed);
                if (parsed != null) {
                    seen.addAll(parsed.keySet());
                }
            }
            keys.put(column, seen);
        }
        List<Field> fields = new ArrayList<>();
        for (Field f : frame.schema().getFields()) {
            if (keys.containsKey(f.getName())) {
                List<Field> children = keys.get(f.getName()).stream().map(k -> FrameSchemas.field(k, FrameSchemas.UTF8)).toList();
                fields.add(FrameSchemas.struct(f.getName(), children));
            } else {
                fields.add(f);
            }
        }
        return Frame.fromRows(new Schema(fields), rows);
    }

    private static boolean isText(Field f) {
        return f.getType() instanceof ArrowType.Utf8 || f.getType() instanceof ArrowType.LargeUtf8;
    }

    private static Map<String, String> parseObject(String column, int row, String text) {
        if (text == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JsonOutput.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new CliException("Column '" + column + "', row " + (row + 1) + ": expected a JSON object keyed by field, got "
                + (text.length() > 40 ? text.substring(0, 40) + "..." : text));
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            requireHash(column, row + 1, e.getKey(), e.getValue());
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }

    /** Struct-typed by-field columns (Parquet, JSON Lines): every field's value a non-null string. */
    private static void requireHashes(Frame frame) {
        for (String column : BY_FIELD) {
            if (!frame.hasColumn(column)) {
                continue;
            }
            for (int i = 0; i < frame.rowCount(); i++) {
                if (frame.value(i, column) instanceof Map<?, ?> m) {
                    int row = i + 1;
                    m.forEach((field, v) -> requireHash(column, row, String.valueOf(field),
                        v instanceof CharSequence text ? JsonOutput.mapper().getNodeFactory().textNode(text.toString())
                            : JsonOutput.mapper().valueToTree(v)));
                }
            }
        }
    }

    /** A by-field value must be a string hash: a number, boolean, null or nested value names column, row and field. */
    static void requireHash(String column, int row, String field, JsonNode value) {
        if (!value.isTextual()) {
            throw new CliException("Column '" + column + "', row " + row + ": field '" + field + "' must be a string, got "
                + (value.isNull() ? "null" : RowJson.compact(value)));
        }
    }
}
