package dev.metaxy.lake;

import dev.metaxy.store.MetadataStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Local Parquet files for DuckDB, which here cannot read object stores itself (no httpfs extension offline): files
 * of an object store are downloaded once per open store into a private cache directory, keyed by URI and size, so
 * unchanged files are reused across reads; local files are read in place. The directory is removed on close.
 */
public final class ParquetStaging implements AutoCloseable {
    private final LakeFileSystem files;
    private Path dir;

    public ParquetStaging(LakeFileSystem files) {
        this.files = files;
    }

    private synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("metaxy-lake-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** A path DuckDB can read for {@code uri} (a local path, or a cached copy of an object-store file of {@code size} bytes). */
    public synchronized String localFor(String uri, long size) {
        if (!LakeFileSystem.isRemote(uri)) {
            return LakeFileSystem.localPath(uri).toString();
        }
        Path cached = cachePath(uri, size);
        if (!Files.exists(cached)) {
            Path part = dir().resolve(UUID.randomUUID() + ".download");
            files.download(uri, part, size);
            try {
                Files.move(part, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new MetadataStoreException("Cannot stage " + uri + ": " + e.getMessage(), e);
            }
        }
        return cached.toString();
    }

    /** A fresh local file name for DuckDB to write into before it is uploaded. */
    public synchronized Path newLocalFile(String suffix) {
        return dir().resolve("out-" + UUID.randomUUID() + suffix);
    }

    /** Keeps a just-uploaded local file as the cached copy of {@code uri}. */
    public synchronized void adopt(Path local, String uri, long size) {
        try {
            Files.move(local, cachePath(uri, size), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MetadataStoreException("Cannot cache " + local + ": " + e.getMessage(), e);
        }
    }

    private Path cachePath(String uri, long size) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(uri.getBytes(StandardCharsets.UTF_8));
            return dir().resolve(HexFormat.of().formatHex(h, 0, 16) + "-" + size + ".parquet");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temp directory left behind is harmless
        }
        dir = null;
    }
}
