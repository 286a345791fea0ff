package dev.metaxy.graph;

import dev.metaxy.definition.MetaxyDefinitionException;

/** A feature was looked up (by key, string or class) that the graph or store does not know. */
public class FeatureNotFoundException extends MetaxyDefinitionException {
    private static final long serialVersionUID = 1L;

    public FeatureNotFoundException(String message) {
        super(message);
    }
}
