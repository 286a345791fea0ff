package dev.metaxy.store;

/** Base type of metadata-store errors; messages name the feature, table or column at fault. */
public class MetadataStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetadataStoreException(String message) {
        super(message);
    }

    public MetadataStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
