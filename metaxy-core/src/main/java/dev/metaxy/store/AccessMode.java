package dev.metaxy.store;

/** How a store is opened: reads only, or reads and writes. */
public enum AccessMode {
    READ, WRITE;

    /** Parses {@code "r"}/{@code "read"} or {@code "w"}/{@code "write"}. */
    public static AccessMode parse(String mode) {
        switch (mode == null ? "" : mode.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "r": case "read": return READ;
            case "w": case "write": return WRITE;
            default: throw new IllegalArgumentException("Unknown access mode '" + mode + "'; use \"r\" or \"w\"");
        }
    }
}
