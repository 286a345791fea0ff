package dev.metaxy.store;

/** A frame handed to the store lacks a required column or has a column of the wrong type; nothing was written. */
public class MetadataSchemaException extends MetadataStoreException {
    private static final long serialVersionUID = 1L;

    public MetadataSchemaException(String message) {
        super(message);
    }
}
