package dev.metaxy.external;

import dev.metaxy.definition.MetaxyDefinitionException;

/** A lock file that cannot be read or written, or whose content is not a valid lock. */
public final class LockFileException extends MetaxyDefinitionException {
    private static final long serialVersionUID = 1L;

    public LockFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
