package dev.metaxy.sql;

import java.time.Instant;

/**
 * What a write stamps on its rows besides the incoming columns: the versions (unless preserved), the write time, the
 * materialization id, and whether an incoming {@code metaxy_updated_at} is kept (soft-delete tombstones).
 */
public record SystemColumnsStamp(String featureVersion, String projectVersion, boolean preserveVersions, Instant timestamp,
                                 String materializationId, boolean keepUpdatedAt) {

    /** The stamp of resolve samples: only the computed provenance columns of its SELECT are used. */
    public static final SystemColumnsStamp SAMPLES = new SystemColumnsStamp("", "", false, Instant.EPOCH, null, false);
}
