package dev.metaxy.definition;

/** A feature or field key broke one of the key rules (empty part, upper case, {@code __}, bad first character, ...). */
public class InvalidKeyException extends MetaxyDefinitionException {
    private static final long serialVersionUID = 1L;

    public InvalidKeyException(String message) {
        super(message);
    }
}
