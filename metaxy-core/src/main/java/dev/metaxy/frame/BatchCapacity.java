package dev.metaxy.frame;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.NonNullableStructVector;

/**
 * Sizes a frame's vectors for the values of several batches before the batches are appended to it, so appending
 * never regrows (and re-copies) a buffer: fixed-width vectors get the row count, variable-width ones also the
 * batches' data bytes, lists and maps their element counts, recursively. Sizes are only a hint: a batch larger than
 * announced still appends, through Arrow's usual buffer growth.
 */
final class BatchCapacity {
    private BatchCapacity() {
    }

    /** Sets the initial capacity of every vector of {@code target} (not yet allocated) from the same-named vectors of {@code batches}. */
    static void presize(VectorSchemaRoot target, List<VectorSchemaRoot> batches) {
        for (FieldVector t : target.getFieldVectors()) {
            List<ValueVector> from = new ArrayList<>(batches.size());
            for (VectorSchemaRoot b : batches) {
                from.add(b.getVector(t.getName()));
            }
            presize(t, from);
        }
    }

    private static void presize(ValueVector target, List<ValueVector> sources) {
        long rows = 0;
        for (ValueVector s : sources) {
            rows += s.getValueCount();
        }
        if (rows == 0 || rows > Integer.MAX_VALUE) {
            return;
        }
        int n = (int) rows;
        if (target instanceof BaseVariableWidthVector v) {
            long bytes = 0;
            for (ValueVector s : sources) {
                int count = s.getValueCount();
                if (count > 0) {
                    bytes += ((BaseVariableWidthVector) s).getOffsetBuffer().getInt((long) count * BaseVariableWidthVector.OFFSET_WIDTH);
                }
            }
            v.setInitialCapacity(n, Math.max(bytes, 1L) / (double) n);
        } else if (target instanceof BaseFixedWidthVector v) {
            v.setInitialCapacity(n);
        } else if (target instanceof ListVector v) { // maps too
            List<ValueVector> elements = new ArrayList<>(sources.size());
            long elementCount = 0;
            for (ValueVector s : sources) {
                ValueVector e = ((ListVector) s).getDataVector();
                elements.add(e);
                elementCount += e.getValueCount();
            }
            v.setInitialCapacity(n, Math.max(elementCount, 1L) / (double) n);
            presize(v.getDataVector(), elements);
        } else if (target instanceof NonNullableStructVector v) {
            v.setInitialCapacity(n);
            for (String child : v.getChildFieldNames()) {
                List<ValueVector> children = new ArrayList<>(sources.size());
                for (ValueVector s : sources) {
                    children.add(((NonNullableStructVector) s).getChild(child));
                }
                presize(v.getChild(child), children);
            }
        }
    }
}
