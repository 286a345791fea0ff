package dev.metaxy.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.metaxy.frame.Frame;
import dev.metaxy.hash.HashAlgorithm;
import dev.metaxy.lake.LakeScenario;
import dev.metaxy.store.AccessMode;
import dev.metaxy.store.MetadataStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables the store writes read back through Iceberg's own generic reader (name mapping, no field ids). */
class IcebergInteropTest {
    @Test
    void icebergGenericsReadsWhatTheStoreWrote(@TempDir Path dir) throws Exception {
        IcebergMetadataStore store = IcebergMetadataStore.builder(LakeScenario.graph(), dir)
            .catalogProperties(Map.of("type", "hadoop")).hashAlgorithm(HashAlgorithm.XXHASH64).build();
        Map<Object, Object> expected = new TreeMap<>();
        try (MetadataStore s = store.open(AccessMode.WRITE)) {
            try (Frame f = Frame.fromRows(LakeScenario.samples(4, ""))) {
                s.write("video/raw", f);
            }
            s.delete("video/raw", dev.metaxy.expr.Expressions.in("sample_uid", 4L), dev.metaxy.store.DeleteOptions.hard());
            try (Frame rows = s.read("video/raw").collect()) {
                rows.toRows().forEach(r -> expected.put(r.get("sample_uid"), r.get("metaxy_provenance")));
            }
        }
        HadoopCatalog catalog = new HadoopCatalog();
        catalog.setConf(new Configuration());
        catalog.initialize("check", Map.of("warehouse", "file:" + dir));
        Table table = catalog.loadTable(TableIdentifier.of("metaxy", "video__raw"));
        Map<Object, Object> got = new TreeMap<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            for (Record r : records) {
                got.put(r.getField("sample_uid"), r.getField("metaxy_provenance"));
                assertThat(((Record) r.getField("metaxy_provenance_by_field")).getField("frames")).isNotNull();
            }
        }
        assertThat(got).isEqualTo(expected).hasSize(3);
    }
}
