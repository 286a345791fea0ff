package dev.metaxy.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * An invalid Metaxy configuration (Python's {@code InvalidConfigError}). The message names the problem and the key;
 * when a config file is known it ends with {@code Config file: <path>} and the reminder that {@code METAXY_*}
 * environment variables can override file settings, exactly as Python prints it.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String baseMessage;
    private final transient Path configFile;

    public ConfigException(String baseMessage, Path configFile) {
        this(baseMessage, configFile, null);
    }

    public ConfigException(String baseMessage, Path configFile, Throwable cause) {
        super(format(baseMessage, configFile), cause);
        this.baseMessage = baseMessage;
        this.configFile = configFile;
    }

    private static String format(String baseMessage, Path configFile) {
        if (configFile == null) {
            return baseMessage;
        }
        return baseMessage + "\nConfig file: " + configFile
            + "\nNote: METAXY_* environment variables can override config file settings ";
    }

    /** The message without the config-file suffix. */
    public String baseMessage() {
        return baseMessage;
    }

    /** The file the error refers to, if any. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }
}
