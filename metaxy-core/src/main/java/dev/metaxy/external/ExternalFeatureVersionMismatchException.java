package dev.metaxy.external;

import dev.metaxy.definition.MetaxyDefinitionException;

/**
 * The store's definition of an external feature has another version than the placeholder a project declared or
 * locked, and the mismatch mode is {@code error} ({@code --locked}, {@code locked = true} or the placeholder's own).
 */
public final class ExternalFeatureVersionMismatchException extends MetaxyDefinitionException {
    private static final long serialVersionUID = 1L;

    public ExternalFeatureVersionMismatchException(String message) {
        super(message);
    }
}
