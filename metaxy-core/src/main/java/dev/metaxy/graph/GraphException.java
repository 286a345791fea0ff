package dev.metaxy.graph;

import dev.metaxy.definition.MetaxyDefinitionException;

/** The feature graph is inconsistent: duplicate keys, a cycle, or a dependency on an unknown feature or field. */
public class GraphException extends MetaxyDefinitionException {
    private static final long serialVersionUID = 1L;

    public GraphException(String message) {
        super(message);
    }
}
