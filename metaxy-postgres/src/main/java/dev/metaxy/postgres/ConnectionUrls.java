package dev.metaxy.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** Turns libpq-style connection URIs into pgjdbc URLs. */
final class ConnectionUrls {
    private ConnectionUrls() {
    }

    /**
     * {@code jdbc:postgresql://...} passes through; {@code postgresql://user:pw@host:port/db?params} (or
     * {@code postgres://}) becomes {@code jdbc:postgresql://host:port/db?params}, handing user and password out.
     */
    static String toJdbc(String url, Consumer<String> user, Consumer<String> password) {
        if (url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        String rest;
        if (url.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (url.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw new IllegalArgumentException("Not a PostgreSQL connection URL (expected jdbc:postgresql://, postgresql:// "
                + "or postgres://): " + url.replaceAll(":[^:@/]*@", ":***@"));
        }
        int at = rest.lastIndexOf('@', rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/'));
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user.accept(decode(userInfo.substring(0, colon)));
                password.accept(decode(userInfo.substring(colon + 1)));
            } else if (!userInfo.isEmpty()) {
                user.accept(decode(userInfo));
            }
        }
        URI.create("postgresql://" + rest); // validates the remainder
        return "jdbc:postgresql://" + rest;
    }

    static String hostPart(String host) {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
