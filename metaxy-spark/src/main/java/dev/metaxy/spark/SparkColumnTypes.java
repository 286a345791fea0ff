package dev.metaxy.spark;

import dev.metaxy.store.MetadataStoreException;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The check that incoming columns fit an existing table before anything is written: every column the table already
 * has must arrive with the same type, a narrower integer, a struct whose common fields pass the same check, or as
 * an all-null column. Otherwise Delta's schema merge would fail deep in the write with "Failed to merge fields"
 * (or, for Iceberg, a cast error), so the write fails first, naming the column and both types.
 */
final class SparkColumnTypes {
    private SparkColumnTypes() {
    }

    static void requireCompatible(StructType current, StructType incoming, String table) {
        for (StructField f : incoming.fields()) {
            StructField existing = find(current, f.name());
            if (existing != null) {
                requireCompatible(existing.dataType(), f.dataType(), f.name(), table);
            }
        }
    }

    private static void requireCompatible(DataType current, DataType in, String path, String table) {
        if (in instanceof NullType || in instanceof MapType || current instanceof MapType) {
            return; // by-field columns: the store converts between STRUCT and MAP (enable_map_datatype) itself
        }
        if (current instanceof StructType cs && in instanceof StructType is) {
            for (StructField c : is.fields()) {
                StructField existing = find(cs, c.name());
                if (existing != null) {
                    requireCompatible(existing.dataType(), c.dataType(), path + "." + c.name(), table);
                }
            }
            return;
        }
        if (current.sameType(in) || integerWidth(in) > 0 && integerWidth(in) <= integerWidth(current)) {
            return;
        }
        throw new MetadataStoreException("Cannot write column '" + path + "' of type " + in.simpleString() + " to table " + table
            + ", where it has type " + current.simpleString() + "; nothing was written");
    }

    private static int integerWidth(DataType t) {
        return t instanceof ByteType ? 8 : t instanceof ShortType ? 16 : t instanceof IntegerType ? 32 : t instanceof LongType ? 64 : 0;
    }

    private static StructField find(StructType s, String name) {
        for (StructField f : s.fields()) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        return null;
    }
}
