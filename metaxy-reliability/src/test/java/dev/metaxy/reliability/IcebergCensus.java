package dev.metaxy.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.BaseTable;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * The census of an Iceberg warehouse taken with iceberg-core's own catalog, not through the store: every table of
 * namespace {@code metaxy}, its rows from the current snapshot's {@code total-records}, its version the
 * last-updated stamp of its current metadata (it moves with every metadata commit, data or not).
 */
final class IcebergCensus {
    private IcebergCensus() {
    }

    static TableCensus take(Path warehouse, boolean hadoop) {
        Map<String, Long> rows = new TreeMap<>();
        Map<String, Long> versions = new TreeMap<>();
        Path catalogDb = warehouse.resolve("catalog.db");
        if (!Files.isDirectory(warehouse) || (!hadoop && !Files.exists(catalogDb))) {
            return new TableCensus(rows, versions);
        }
        Map<String, String> props = new java.util.HashMap<>(Map.of(CatalogProperties.WAREHOUSE_LOCATION, "file:" + warehouse));
        Catalog catalog;
        if (hadoop) {
            HadoopCatalog c = new HadoopCatalog();
            c.setConf(new Configuration());
            c.initialize("census", props);
            catalog = c;
        } else {
            props.put(CatalogProperties.URI, "jdbc:sqlite:" + catalogDb);
            props.put("jdbc.schema-version", "V1");
            JdbcCatalog c = new JdbcCatalog();
            c.setConf(new Configuration());
            c.initialize("metaxy", props);
            catalog = c;
        }
        try {
            Namespace ns = Namespace.of("metaxy");
            if (!((org.apache.iceberg.catalog.SupportsNamespaces) catalog).namespaceExists(ns)) {
                return new TableCensus(rows, versions);
            }
            for (TableIdentifier id : catalog.listTables(ns)) {
                Table t = catalog.loadTable(id);
                Snapshot s = t.currentSnapshot();
                rows.put(id.name(), s == null ? 0L : Long.parseLong(s.summary().getOrDefault("total-records", "0")));
                versions.put(id.name(), ((BaseTable) t).operations().current().lastUpdatedMillis());
            }
            return new TableCensus(rows, versions);
        } finally {
            if (catalog instanceof AutoCloseable ac) {
                try {
                    ac.close();
                } catch (Exception e) {
                    // releases the catalog's connections only
                }
            }
        }
    }
}
