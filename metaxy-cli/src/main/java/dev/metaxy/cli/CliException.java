package dev.metaxy.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A handled CLI error: exit code 1 and one clear message. With a {@code code} it is a structured error, printed as
 * {@code {"error": CODE, "message": ..., ...details}} in JSON mode or {@code Error: message} otherwise.
 */
public class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final transient Map<String, Object> details;
    private final boolean json;
    private final String hint;

    public CliException(String message) {
        this(null, message, Map.of(), false, null);
    }

    public CliException(String code, String message, Map<String, Object> details, boolean json, String hint) {
        super(message);
        this.code = code;
        this.details = new LinkedHashMap<>(details);
        this.json = json;
        this.hint = hint;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public boolean json() {
        return json;
    }

    public String hint() {
        return hint;
    }
}
