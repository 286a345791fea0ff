package dev.metaxy.bench;

import dev.metaxy.definition.SystemColumns;
import dev.metaxy.frame.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Seeded root data. Sample {@code i} has the id {@code uid(i)}: a bijective 64-bit mix of {@code i}, so ids are
 * distinct, spread over the whole unsigned 64-bit range (half of them above {@code Long.MAX_VALUE}). Provenance values
 * are 16-character hex strings from a seeded SplitMix64 generator, a pure function of (seed, root, field, sample,
 * version), so the stale phase can rebuild a row with one field changed.
 */
public final class DataGen {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final long seed;

    public DataGen(long seed) {
        this.seed = seed;
    }

    /** SplitMix64's finalizer: a bijection on 64-bit values. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The id of sample {@code i} as raw unsigned 64 bits. */
    public long uid(long i) {
        return mix64(i + seed * 0x9e3779b97f4a7c15L);
    }

    /** The provenance value of a root field for sample {@code i}; {@code version} 1 is the stale phase's change. */
    long value(int root, int field, long i, int version) {
        long stream = mix64(seed ^ mix64(((long) root * 64 + field) * 4 + version + 1));
        return mix64(stream + i * 0x9e3779b97f4a7c15L);
    }

    private static void hex16(long v, byte[] out) {
        for (int k = 15; k >= 0; k--) {
            out[k] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
    }

    static Schema rootSchema(List<String> fields) {
        List<Field> children = new ArrayList<>();
        for (String f : fields) {
            children.add(new Field(f, FieldType.notNullable(ArrowType.Utf8.INSTANCE), null));
        }
        return new Schema(List.of(
            new Field(BenchGraph.ID, FieldType.notNullable(new ArrowType.Int(64, false)), null),
            new Field(SystemColumns.PROVENANCE_BY_FIELD, FieldType.notNullable(ArrowType.Struct.INSTANCE), children)));
    }

    /**
     * Rows {@code indexes} of root {@code root} with the given fields, as a frame of {@code sample_uid} (UInt64) and
     * {@code metaxy_provenance_by_field} (Struct of Utf8). Field {@code changedField} (or -1) takes version 1.
     */
    public Frame rootRows(int root, List<String> fields, long[] indexes, int from, int to, int changedField) {
        VectorSchemaRoot vsr = VectorSchemaRoot.create(rootSchema(fields), Frame.allocator());
        try {
            int n = to - from;
            UInt8Vector ids = (UInt8Vector) vsr.getVector(BenchGraph.ID);
            StructVector pbf = (StructVector) vsr.getVector(SystemColumns.PROVENANCE_BY_FIELD);
            ids.allocateNew(n);
            pbf.setInitialCapacity(n);
            pbf.allocateNew();
            VarCharVector[] children = new VarCharVector[fields.size()];
            for (int f = 0; f < fields.size(); f++) {
                children[f] = (VarCharVector) pbf.getChild(fields.get(f));
                children[f].allocateNew(16L * n, n);
            }
            byte[] buf = new byte[16];
            for (int r = 0; r < n; r++) {
                long i = indexes == null ? from + r : indexes[from + r];
                ids.set(r, uid(i));
                for (int f = 0; f < children.length; f++) {
                    hex16(value(root, f, i, f == changedField ? 1 : 0), buf);
                    children[f].setSafe(r, buf, 0, 16);
                }
                pbf.setIndexDefined(r);
            }
            for (VarCharVector c : children) {
                c.setValueCount(n);
            }
            ids.setValueCount(n);
            pbf.setValueCount(n);
            vsr.setRowCount(n);
            return Frame.of(vsr);
        } catch (RuntimeException e) {
            vsr.close();
            throw e;
        }
    }

    /** Sample indexes {@code [from, to)} of root {@code root}, all fields at version 0. */
    public Frame rootRows(int root, List<String> fields, int from, int to) {
        return rootRows(root, fields, null, from, to, -1);
    }

    /** Exactly {@code n / 10} distinct sample indexes out of {@code n}, a seeded choice, sorted. */
    public long[] staleChoice(int n) {
        int k = n / 10;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5ca1ab1eL);
        for (int i = 0; i < k; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        long[] out = new long[k];
        for (int i = 0; i < k; i++) {
            out[i] = perm[i];
        }
        Arrays.sort(out);
        return out;
    }
}
