package dev.metaxy.graph.render;

import dev.metaxy.definition.FeatureKey;
import java.util.Arrays;

/**
 * What a rendered graph shows (fields, versions, code versions, project version, projects), how hashes are cut
 * ({@code hashLength}, 0 = full), the layout direction, and which part of the graph is drawn: features of one
 * project plus their direct dependencies, and/or a focus feature with {@code up}/{@code down} levels (null = all).
 */
public record RenderConfig(boolean showFields, boolean showFeatureVersions, boolean showFieldVersions,
                           boolean showCodeVersions, boolean showProjectVersion, int hashLength, String direction,
                           String feature, Integer up, Integer down, String project, boolean showProjects, String title) {

    /** The defaults: fields and versions shown, 8-character hashes, top to bottom, the whole graph. */
    public static RenderConfig defaults() {
        return new RenderConfig(true, true, true, false, true, 8, "TB", null, null, null, null, true, null);
    }

    /** Preset: structure only (fields without versions, no project version). Keeps focus, project and title. */
    public RenderConfig minimal() {
        return new RenderConfig(true, false, false, false, false, 8, "TB", feature, up, down, project, showProjects, title);
    }

    /** Preset: everything, full hashes and code versions. Keeps focus, project and title. */
    public RenderConfig verbose() {
        return new RenderConfig(true, true, true, true, true, 0, "TB", feature, up, down, project, showProjects, title);
    }

    public RenderConfig withFields(boolean show, boolean featureVersions, boolean fieldVersions, boolean codeVersions,
                                   boolean projectVersion) {
        return new RenderConfig(show, featureVersions, fieldVersions, codeVersions, projectVersion, hashLength, direction,
            feature, up, down, project, showProjects, title);
    }

    public RenderConfig withHashLength(int length) {
        return new RenderConfig(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion,
            length, direction, feature, up, down, project, showProjects, title);
    }

    public RenderConfig withDirection(String dir) {
        return new RenderConfig(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion,
            hashLength, dir, feature, up, down, project, showProjects, title);
    }

    /** Focus on {@code focus} ({@code a/b} or {@code a__b}) with {@code upLevels}/{@code downLevels} (null = all). */
    public RenderConfig withFocus(String focus, Integer upLevels, Integer downLevels) {
        return new RenderConfig(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion,
            hashLength, direction, focus, upLevels, downLevels, project, showProjects, title);
    }

    public RenderConfig withProject(String name) {
        return new RenderConfig(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion,
            hashLength, direction, feature, up, down, name, showProjects, title);
    }

    public RenderConfig withShowProjects(boolean show) {
        return new RenderConfig(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion,
            hashLength, direction, feature, up, down, project, show, title);
    }

    public RenderConfig withTitle(String text) {
        return new RenderConfig(showFields, showFeatureVersions, showFieldVersions, showCodeVersions, showProjectVersion,
            hashLength, direction, feature, up, down, project, showProjects, text);
    }

    /** The focus feature's key: {@code a/b} splits on {@code /}, otherwise on {@code __}; null without focus. */
    public FeatureKey featureKey() {
        if (feature == null) {
            return null;
        }
        return FeatureKey.ofParts(Arrays.asList(feature.contains("/") ? feature.split("/") : feature.split("__")));
    }

    /** A hash cut to {@link #hashLength()} characters (0 = full); {@code none} for a missing hash. */
    public String hash(String hash) {
        if (hash == null) {
            return "none";
        }
        return hashLength == 0 || hashLength >= hash.length() ? hash : hash.substring(0, hashLength);
    }
}
