package dev.metaxy.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file the way python-dotenv does for the Metaxy CLI: {@code KEY=value} lines, optional
 * {@code export } prefix, {@code #} comments, single-quoted (literal) and double-quoted (escapes {@code \n \t \" \\})
 * values, and {@code ${VAR}} / {@code ${VAR:-default}} interpolation in unquoted and double-quoted values (from the
 * environment first, then earlier lines). Variables already present in the environment are never overridden.
 * Only the CLI loads {@code ./.env}; the library API never does.
 */
public final class DotEnv {
    private static final Pattern LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*)$");
    private static final Pattern VAR = Pattern.compile("\\$\\{([^}:]+)(?::-([^}]*))?}");

    private DotEnv() {
    }

    /**
     * The variables defined by {@code file} (empty when it does not exist), interpolated against {@code env}. A file
     * that cannot be read or is not UTF-8 is a {@link ConfigException} naming it.
     */
    public static Map<String, String> read(Path file, Map<String, String> env) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            return parse(Files.readString(file), env);
        } catch (CharacterCodingException e) {
            throw new ConfigException("Cannot read " + file + ": it is not UTF-8 text", null, e);
        } catch (IOException e) {
            throw new ConfigException("Cannot read " + file + ": " + e.getMessage(), null, e);
        }
    }

    /** {@code env} plus the variables of {@code file} that {@code env} does not already define. */
    public static Map<String, String> overlay(Map<String, String> env, Path file) {
        Map<String, String> out = new LinkedHashMap<>(env);
        read(file, env).forEach(out::putIfAbsent);
        return Collections.unmodifiableMap(out);
    }

    /** Parses {@code .env} text; lines that are not assignments are ignored. */
    public static Map<String, String> parse(String text, Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = LINE.matcher(lines[i]);
            if (lines[i].trim().startsWith("#") || !m.matches()) {
                continue;
            }
            String raw = m.group(2);
            String value;
            if (raw.startsWith("'") || raw.startsWith("\"")) {
                char quote = raw.charAt(0);
                StringBuilder sb = new StringBuilder(raw.substring(1));
                // a quoted value may span lines
                while (closingQuote(sb, quote) < 0 && i + 1 < lines.length) {
                    sb.append('\n').append(lines[++i]);
                }
                int end = closingQuote(sb, quote);
                String body = end < 0 ? sb.toString() : sb.substring(0, end);
                value = quote == '\'' ? body : interpolate(unescape(body), env, out);
            } else {
                int hash = raw.indexOf(" #");
                value = interpolate((hash >= 0 ? raw.substring(0, hash) : raw).trim(), env, out);
            }
            out.put(m.group(1), value);
        }
        return out;
    }

    private static int closingQuote(CharSequence s, char quote) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quote == '"') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> n;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String interpolate(String value, Map<String, String> env, Map<String, String> earlier) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.containsKey(m.group(1)) ? env.get(m.group(1)) : earlier.get(m.group(1));
            if (v == null) {
                v = m.group(2) == null ? "" : m.group(2);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
