package dev.metaxy.iceberg;

import dev.metaxy.store.MetadataStoreException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;

/**
 * Retries one Iceberg catalog commit that lost an optimistic-concurrency race (another writer, in this or another
 * process, committed the table first, or created it first). Each attempt must re-load the table, so it re-checks
 * and commits on top of the latest metadata. Iceberg's own operations retry a few times too; this bounds the
 * whole and ends with an error that says what was not committed.
 */
final class IcebergCommitRetry {
    /** Attempts before giving up. */
    static final int MAX_ATTEMPTS = 25;

    private IcebergCommitRetry() {
    }

    /** Runs {@code attempt} until it neither fails with a commit conflict nor finds the table already created. */
    static <T> T run(String what, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (CommitFailedException | AlreadyExistsException e) {
                if (n >= MAX_ATTEMPTS) {
                    throw new MetadataStoreException("Cannot " + what + ": " + MAX_ATTEMPTS + " attempts lost to concurrent commits "
                        + "(last: " + e.getMessage() + "); nothing was committed", e);
                }
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L + 10L * Math.min(n, 10)));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new MetadataStoreException("Interrupted while retrying to " + what, ie);
                }
            }
        }
    }
}
