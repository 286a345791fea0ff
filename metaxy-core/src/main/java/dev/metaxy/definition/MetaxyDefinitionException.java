package dev.metaxy.definition;

/** A feature definition (key, field, dependency or spec) is invalid; the message names the culprit and the rule. */
public class MetaxyDefinitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetaxyDefinitionException(String message) {
        super(message);
    }

    public MetaxyDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
