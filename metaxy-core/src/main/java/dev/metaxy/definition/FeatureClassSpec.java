package dev.metaxy.definition;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/** Reads the {@code SPEC} field of a Java feature class, with errors that say what the class lacks. */
final class FeatureClassSpec {
    private FeatureClassSpec() {
    }

    static FeatureSpec read(Class<?> type) {
        if (type == null) {
            throw new MetaxyDefinitionException("Feature class must not be null");
        }
        Field field;
        try {
            field = type.getField("SPEC");
        } catch (NoSuchFieldException e) {
            throw new MetaxyDefinitionException("Class " + type.getName()
                + " is not a feature class: it has no 'public static final FeatureSpec SPEC' field");
        }
        if (!Modifier.isStatic(field.getModifiers()) || !FeatureSpec.class.isAssignableFrom(field.getType())) {
            throw new MetaxyDefinitionException("Class " + type.getName()
                + " is not a feature class: its SPEC field must be 'public static final FeatureSpec'");
        }
        try {
            Object value = field.get(null);
            if (value == null) {
                throw new MetaxyDefinitionException("Class " + type.getName() + ": SPEC is null (initialisation order?)");
            }
            return (FeatureSpec) value;
        } catch (IllegalAccessException e) {
            throw new MetaxyDefinitionException("Class " + type.getName() + ": SPEC is not accessible", e);
        }
    }
}
