package dev.metaxy.definition;

/**
 * Marker for a Java class that declares one feature. The class holds its definition in a
 * {@code public static final FeatureSpec SPEC} field; graphs and stores accept the class wherever a feature is expected.
 *
 * <pre>{@code
 * public final class Crop implements Feature {
 *     public static final FeatureSpec SPEC = FeatureSpec.builder("video/crop").idColumns("sample_uid")
 *         .dependsOn(Video.class).field("frames", "1").build();
 * }
 * }</pre>
 */
public interface Feature {

    /** The spec declared by {@code featureClass} in its static {@code SPEC} field. */
    static FeatureSpec specOf(Class<?> featureClass) {
        return FeatureClassSpec.read(featureClass);
    }
}
