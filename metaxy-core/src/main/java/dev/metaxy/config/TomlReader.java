package dev.metaxy.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * Reads a TOML document into plain maps and lists (tables keep their order). Strings become {@link SourcedString}s
 * tagged with their file so that expansion errors can name it. For a {@code pyproject.toml} only the
 * {@code [tool.metaxy]} table is returned.
 */
final class TomlReader {
    private TomlReader() {
    }

    /** The Metaxy table of {@code file}: the whole document, or {@code [tool.metaxy]} of a pyproject.toml. */
    static Map<String, Object> readConfig(Path file) {
        Map<String, Object> doc = readFile(file);
        return isPyproject(file) ? metaxyTable(doc, file) : doc;
    }

    /** Whether a pyproject.toml carries a non-empty {@code [tool.metaxy]} table. */
    static boolean pyprojectHasMetaxy(Path file) {
        return !metaxyTable(readFile(file), file).isEmpty();
    }

    static boolean isPyproject(Path file) {
        return file.getFileName() != null && file.getFileName().toString().equals("pyproject.toml");
    }

    static Map<String, Object> readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("Config file does not exist: " + file, file, e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read config file: " + e.getMessage(), file, e);
        }
        return parse(text, file, file);
    }

    /** Parses {@code text}; {@code origin} (nullable) tags strings and names the source in errors. */
    static Map<String, Object> parse(String text, Path origin, Path errorFile) {
        TomlParseResult result = Toml.parse(text);
        if (result.hasErrors()) {
            String errors = result.errors().stream()
                .map(e -> e.getMessage() + " (line " + e.position().line() + ", column " + e.position().column() + ")")
                .collect(Collectors.joining("; "));
            throw new ConfigException("Invalid TOML" + (origin == null ? "" : " in " + origin) + ": " + errors, errorFile);
        }
        return table(result, origin);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metaxyTable(Map<String, Object> doc, Path file) {
        Object tool = doc.get("tool");
        if (!(tool instanceof Map)) {
            return new LinkedHashMap<>();
        }
        Object metaxy = ((Map<String, Object>) tool).get("metaxy");
        if (metaxy == null) {
            return new LinkedHashMap<>();
        }
        if (!(metaxy instanceof Map)) {
            throw new ConfigException("'tool.metaxy' must be a table", file);
        }
        return (Map<String, Object>) metaxy;
    }

    private static Map<String, Object> table(TomlTable t, Path origin) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : t.entrySet()) {
            out.put(e.getKey(), value(e.getValue(), origin));
        }
        return out;
    }

    private static Object value(Object v, Path origin) {
        if (v instanceof TomlTable t) {
            return table(t, origin);
        }
        if (v instanceof TomlArray a) {
            List<Object> out = new ArrayList<>(a.size());
            for (Object item : a.toList()) {
                out.add(value(item, origin));
            }
            return out;
        }
        if (v instanceof String s) {
            return new SourcedString(s, origin);
        }
        return v;
    }
}
