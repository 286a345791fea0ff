package dev.metaxy.store;

/** The store was used while closed, or written to while open in read mode. */
public class StoreNotOpenException extends MetadataStoreException {
    private static final long serialVersionUID = 1L;

    public StoreNotOpenException(String message) {
        super(message);
    }

    static StoreNotOpenException closed(String store) {
        return new StoreNotOpenException(store + " must be opened before use. Use it in try-with-resources: "
            + "try (var s = store.open(AccessMode.READ)) { ... } or store.open(AccessMode.WRITE)");
    }

    static StoreNotOpenException readOnly(String store) {
        return new StoreNotOpenException(store + " is open in read mode. Write operations require write mode: "
            + "store.open(AccessMode.WRITE)");
    }
}
