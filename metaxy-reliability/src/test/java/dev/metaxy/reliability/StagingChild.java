package dev.metaxy.reliability;

import dev.metaxy.delta.DeltaMetadataStore;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.iceberg.IcebergMetadataStore;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A child program of {@link ResourceHygieneTest}: opens a Delta or Iceberg (Hadoop catalog) store on an object
 * store, runs the hygiene workload, and reports the Metaxy temporary files in its private {@code java.io.tmpdir}
 * while the store is open ({@code OPEN n}) and after it closed ({@code CLOSED n}).
 *
 * <pre>StagingChild delta|iceberg ROOT KEY=VALUE...   # storage options</pre>
 */
public final class StagingChild {
    private StagingChild() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            options.put(kv[0], kv[1]);
        }
        MetadataStore store = args[0].equals("delta")
            ? DeltaMetadataStore.builder(Fixtures.graph(), args[1]).storageOptions(options).hashAlgorithm(HashAlgorithm.MD5).build()
            : IcebergMetadataStore.builder(Fixtures.graph(), args[1]).storageOptions(options)
                .catalogProperties(Map.of("type", "hadoop")).hashAlgorithm(HashAlgorithm.MD5).build();
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            ResourceHygieneTest.workload(s, 0);
            System.out.println("ROWS " + s.read(Fixtures.RAW.key()).count());
            System.out.println("OPEN " + metaxyFiles());
        }
        System.out.println("CLOSED " + metaxyFiles());
        System.out.flush();
    }

    /** Files and directories under Metaxy's temporary directories in this JVM's java.io.tmpdir. */
    static long metaxyFiles() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of(System.getProperty("java.io.tmpdir")))) {
            return s.filter(p -> p.getFileName().toString().startsWith("metaxy") || p.getParent() != null
                && p.getParent().getFileName().toString().startsWith("metaxy")).count();
        }
    }
}
