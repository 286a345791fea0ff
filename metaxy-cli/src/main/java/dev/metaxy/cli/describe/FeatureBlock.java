package dev.metaxy.cli.describe;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The plain-text block {@code describe features} prints for one feature (from its JSON description). */
final class FeatureBlock {
    private final PrintWriter out;

    FeatureBlock(PrintWriter out) {
        this.out = out;
    }

    void print(JsonNode f) {
        String version = f.get("version").asText();
        out.println(f.get("key").asText() + (f.get("is_external").asBoolean() ? " (external)" : "") + " ("
            + version.substring(0, Math.min(8, version.length())) + ") " + f.path("project").asText("None"));
        out.println("Source: " + f.get("source").asText());
        String description = f.path("description").isTextual() ? f.get("description").asText() : null;
        if (description != null && !description.isBlank()) {
            out.println();
            description.stripIndent().strip().lines().forEach(l -> out.println(l.isEmpty() ? "" : "  " + l));
        }
        List<String> ids = new ArrayList<>();
        f.get("id_columns").forEach(c -> ids.add(c.asText()));
        if (!ids.isEmpty()) {
            out.println();
            out.println("ID columns: " + String.join(", ", ids));
        }
        out.println();
        out.println("Fields:");
        if (f.get("fields").isEmpty()) {
            out.println("  none");
        }
        f.get("fields").forEach(this::field);
        out.println();
        out.println("Dependencies:");
        if (f.get("dependencies").isEmpty()) {
            out.println("  none (root feature)");
        }
        f.get("dependencies").forEach(this::dependency);
        JsonNode metadata = f.get("metadata");
        if (metadata != null) {
            out.println();
            out.println("Metadata:");
            metadata.fields().forEachRemaining(e -> out.println("  " + e.getKey() + ": "
                + (e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())));
        }
    }

    private void field(JsonNode field) {
        String version = field.get("version").asText();
        StringBuilder line = new StringBuilder("  ").append(field.get("key").asText()).append(" (")
            .append(version, 0, Math.min(8, version.length())).append(')');
        if (field.has("deps")) {
            List<String> deps = new ArrayList<>();
            field.get("deps").forEach(d -> {
                List<String> names = new ArrayList<>();
                d.get("fields").forEach(n -> names.add(n.asText()));
                deps.add(names.isEmpty() ? d.get("feature").asText() : d.get("feature").asText() + ":(" + String.join(", ", names) + ")");
            });
            line.append(" ← ").append(String.join(", ", deps));
        }
        out.println(line);
    }

    private void dependency(JsonNode dep) {
        List<String> options = new ArrayList<>();
        if (dep.has("select")) {
            List<String> cols = new ArrayList<>();
            dep.get("select").forEach(c -> cols.add(c.asText()));
            options.add(cols.isEmpty() ? "select: none" : "select: " + String.join(", ", cols));
        }
        if (dep.path("optional").asBoolean(false)) {
            options.add("optional");
        }
        if (dep.has("rename")) {
            List<String> renames = new ArrayList<>();
            dep.get("rename").fields().forEachRemaining(e -> renames.add(e.getKey() + " → " + e.getValue().asText()));
            options.add("rename: " + String.join(", ", renames));
        }
        out.println("  " + dep.get("feature").asText() + (options.isEmpty() ? "" : " | " + String.join(" | ", options)));
    }
}
