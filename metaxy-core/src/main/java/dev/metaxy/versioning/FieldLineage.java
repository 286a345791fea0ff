package dev.metaxy.versioning;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldDep;
import dev.metaxy.definition.FieldKey;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.QualifiedFieldKey;
import dev.metaxy.graph.FeatureGraph;
import dev.metaxy.graph.GraphException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Field-level lineage: the upstream fields a field depends on, from its explicit dependencies, {@code ALL},
 * or the automatic {@code FieldsMapping} of each feature dependency. Shared by definition- and sample-level hashing.
 */
public final class FieldLineage {
    private FieldLineage() {
    }

    /** The parent fields of {@code field} in {@code feature}, distinct and sorted by {@code "feature.field"}. */
    public static List<QualifiedFieldKey> parents(FeatureGraph graph, FeatureKey feature, FieldKey field) {
        FeatureSpec spec = graph.spec(feature);
        FieldSpec fs = spec.field(field).orElseThrow(() -> new GraphException(
            "Feature '" + feature + "' has no field '" + field + "' (its fields: " + spec.fieldKeys() + ")"));
        TreeSet<QualifiedFieldKey> result = new TreeSet<>();
        if (spec.deps().isEmpty()) {
            return List.of();
        }
        if (fs.dependsOnAll()) {
            for (FeatureDep d : spec.deps()) {
                graph.spec(d.feature()).fieldKeys().forEach(u -> result.add(new QualifiedFieldKey(d.feature(), u)));
            }
            return new ArrayList<>(result);
        }
        if (!fs.deps().isEmpty()) {
            for (FieldDep fd : fs.deps()) {
                List<FieldKey> ups = fd.fields().orElseGet(() -> graph.spec(fd.feature()).fieldKeys());
                ups.forEach(u -> result.add(new QualifiedFieldKey(fd.feature(), u)));
            }
            return new ArrayList<>(result);
        }
        for (FeatureDep d : spec.deps()) {
            List<FieldKey> upstreamFields = graph.spec(d.feature()).fieldKeys();
            d.fieldsMapping().resolve(field, upstreamFields).forEach(u -> result.add(new QualifiedFieldKey(d.feature(), u)));
        }
        if (result.isEmpty()) {
            throw new GraphException("No upstream fields found for field '" + field + "' of feature '" + feature
                + "': every dependency's fields mapping resolved to nothing");
        }
        return new ArrayList<>(result);
    }
}
