package dev.metaxy.lake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the storage-only stores' contract tests keep their tables on the {@link LocalS3Server}: one bucket per test
 * class, and one prefix per contract settings directory (same directory, same data; another directory, an
 * independent store), as the PostgreSQL contract uses a database per class and a schema per directory.
 */
public final class S3ContractLocations {
    private static final Map<Class<?>, String> BUCKETS = new ConcurrentHashMap<>();

    private S3ContractLocations() {
    }

    /** {@code s3://<bucket of testClass>/<hash of directory>/<leaf>}. */
    public static String uri(Class<?> testClass, Path directory, String leaf) {
        String bucket = BUCKETS.computeIfAbsent(testClass, c -> LocalS3Server.get().newBucket("contract"));
        return "s3://" + bucket + "/" + prefix(directory) + "/" + leaf;
    }

    private static String prefix(Path directory) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(directory.toAbsolutePath().normalize().toString()
                .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
