package dev.metaxy.hash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.stream.Collectors;
import net.openhft.hashing.LongHashFunction;

/**
 * The sample-level hash algorithms of Python Metaxy, each hashing UTF-8 bytes and rendering the digest exactly as
 * Polars and the SQL stores do: unsigned decimal for the xxhash family and wyhash, lowercase hex for md5 and sha256.
 * All methods are thread-safe.
 */
public enum HashAlgorithm {
    XXHASH64("xxhash64") {
        @Override
        String render(byte[] data) {
            return Long.toUnsignedString(Xxh64.FUNCTION.hashBytes(data));
        }

        @Override
        public long digestBits(byte[] data, int offset, int length) {
            return Xxh64.FUNCTION.hashBytes(data, offset, length);
        }
    },
    XXHASH32("xxhash32") {
        @Override
        String render(byte[] data) {
            return Integer.toUnsignedString(XxHash32.hash(data));
        }

        @Override
        public long digestBits(byte[] data, int offset, int length) {
            return Integer.toUnsignedLong(XxHash32.hash(data, offset, length));
        }
    },
    WYHASH("wyhash") {
        @Override
        String render(byte[] data) {
            return Long.toUnsignedString(WyHashV1.hash(data));
        }

        @Override
        public long digestBits(byte[] data, int offset, int length) {
            return WyHashV1.hash(data, offset, length);
        }
    },
    MD5("md5") {
        @Override
        String render(byte[] data) {
            return Digests.hex(Digests.MD5.get().digest(data));
        }
    },
    SHA256("sha256") {
        @Override
        String render(byte[] data) {
            return Digests.hex(Digests.SHA256.get().digest(data));
        }
    };

    private final String configName;

    HashAlgorithm(String configName) {
        this.configName = configName;
    }

    /** The name used in {@code metaxy.toml} and by Python Metaxy, for example {@code "xxhash64"}. */
    public String configName() {
        return configName;
    }

    /**
     * Looks an algorithm up by its {@linkplain #configName() config name}, ignoring case.
     *
     * @throws IllegalArgumentException if no algorithm has that name
     */
    public static HashAlgorithm fromName(String name) {
        if (name != null) {
            for (HashAlgorithm algorithm : values()) {
                if (algorithm.configName.equalsIgnoreCase(name)) {
                    return algorithm;
                }
            }
        }
        String valid = Arrays.stream(values()).map(HashAlgorithm::configName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                "Unknown hash algorithm " + (name == null ? "null" : "'" + name + "'") + "; valid names are: " + valid);
    }

    /** Hashes the UTF-8 bytes of {@code utf8Input} and returns the rendered digest, or null for a null input. */
    public String hash(String utf8Input) {
        return utf8Input == null ? null : render(utf8Input.getBytes(StandardCharsets.UTF_8));
    }

    /** Hashes {@code data} and returns the rendered digest, or null for a null input. */
    public String hash(byte[] data) {
        return data == null ? null : render(data);
    }

    /**
     * Whether the digest is an unsigned integer rendered in decimal (xxhash64, xxhash32, wyhash), so
     * {@link #digestBits} applies.
     */
    public boolean integerDigest() {
        return this == XXHASH64 || this == XXHASH32 || this == WYHASH;
    }

    /**
     * The digest of {@code data[offset, offset + length)} as the bits of an unsigned integer: rendering it with
     * {@link Long#toUnsignedString(long)} gives exactly {@link #hash(byte[])} of those bytes. No allocation.
     *
     * @throws UnsupportedOperationException for an algorithm without an {@linkplain #integerDigest() integer digest}
     */
    public long digestBits(byte[] data, int offset, int length) {
        throw new UnsupportedOperationException(configName + " has no integer digest");
    }

    abstract String render(byte[] data);

    private static final class Xxh64 {
        static final LongHashFunction FUNCTION = LongHashFunction.xx(0);
    }

    private static final class Digests {
        static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> create("MD5"));
        static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> create("SHA-256"));
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

        private static MessageDigest create(String name) {
            try {
                return MessageDigest.getInstance(name);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java platform must provide " + name, e);
            }
        }

        static String hex(byte[] digest) {
            byte[] out = new byte[digest.length * 2];
            for (int i = 0; i < digest.length; i++) {
                out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
                out[2 * i + 1] = HEX[digest[i] & 0xF];
            }
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }
}
