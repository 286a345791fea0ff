package dev.metaxy.versioning;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.definition.MetaxyDefinitionException;
import dev.metaxy.definition.QualifiedFieldKey;
import dev.metaxy.definition.SystemColumns;
import dev.metaxy.graph.FeatureGraph;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything needed to compute a feature's expected provenance, resolved once from the graph: per dependency the
 * renamed and selected columns, lineage grouping and join columns; per field the sorted parent fields. Every
 * versioning engine (the in-memory reference and each SQL dialect) executes the same plan.
 */
public final class FeaturePlan {
    private final FeatureSpec target;
    private final List<DepPlan> deps;
    private final List<FieldPlan> fields;
    private final List<String> sharedIdColumns;
    private final List<String> sortedStructKeys;

    private FeaturePlan(FeatureGraph graph, FeatureSpec target) {
        this.target = target;
        List<DepPlan> dps = new ArrayList<>();
        for (FeatureDep d : target.deps()) {
            dps.add(new DepPlan(d, graph.spec(d.feature()), target));
        }
        this.deps = List.copyOf(dps);
        validateColumns();
        this.sharedIdColumns = computeSharedIds();
        Set<FeatureKey> optional = new HashSet<>();
        dps.stream().filter(DepPlan::optional).forEach(d -> optional.add(d.upstream()));
        List<FieldPlan> fps = new ArrayList<>();
        for (FieldSpec f : target.fields()) {
            List<ParentField> parents = new ArrayList<>();
            for (QualifiedFieldKey q : FieldLineage.parents(graph, target.key(), f.key())) {
                parents.add(new ParentField(q, q.feature().toColumnSuffix(), q.field().toStructKey(), optional.contains(q.feature())));
            }
            fps.add(new FieldPlan(f.key().toString(), f.key().toStructKey(), f.codeVersion(), List.copyOf(parents)));
        }
        this.fields = List.copyOf(fps);
        List<String> keys = new ArrayList<>();
        fps.forEach(fp -> keys.add(fp.structKey()));
        Collections.sort(keys);
        this.sortedStructKeys = List.copyOf(keys);
    }

    /** The plan of {@code target} in {@code graph} (validated: renames, collisions, lineage columns). */
    public static FeaturePlan of(FeatureGraph graph, Object target) {
        graph.validate();
        return new FeaturePlan(graph, graph.spec(target));
    }

    private void validateColumns() {
        Map<String, Integer> counts = new HashMap<>();
        Set<String> idColumns = new HashSet<>();
        for (DepPlan d : deps) {
            FeatureDep dep = d.dep();
            String up = dep.feature().toString();
            for (Map.Entry<String, String> e : dep.rename().orElse(Map.of()).entrySet()) {
                if (d.upstreamSpec().idColumns().contains(e.getValue())) {
                    throw new MetaxyDefinitionException("Feature '" + target.key() + "': cannot rename column '" + e.getKey()
                        + "' to ID column '" + e.getValue() + "' of upstream feature '" + up + "' (its ID columns: "
                        + d.upstreamSpec().idColumns() + ")");
                }
            }
            if (d.selectedColumns() != null) {
                for (String c : d.selectedColumns()) {
                    if (!d.renamedSystemColumns().contains(c)) {
                        counts.merge(c, 1, Integer::sum);
                    }
                }
            }
            idColumns.addAll(d.renamedIdColumns());
            idColumns.addAll(d.inputIdColumns());
        }
        TreeSet<String> repeated = new TreeSet<>();
        counts.forEach((c, n) -> {
            if (n > 1 && !idColumns.contains(c)) {
                repeated.add(c);
            }
        });
        if (!repeated.isEmpty()) {
            throw new MetaxyDefinitionException("Feature '" + target.key() + "' would have duplicate column names after renaming: "
                + repeated + ". Only ID columns " + new TreeSet<>(idColumns) + " may repeat; use 'rename' or 'select' on the dependencies");
        }
    }

    private List<String> computeSharedIds() {
        Set<String> shared = null;
        for (DepPlan d : deps) {
            if (d.inputIdColumns().isEmpty()) {
                continue;
            }
            if (shared == null) {
                shared = new LinkedHashSet<>(d.inputIdColumns());
            } else {
                shared.retainAll(new HashSet<>(d.inputIdColumns()));
            }
        }
        if (shared == null || shared.isEmpty()) {
            return target.idColumns();
        }
        return List.copyOf(new TreeSet<>(shared));
    }

    /**
     * Fails when, after renames and selection, a user column (not an id column, not a system column) would come
     * from more than one upstream. {@code upstreamColumns} holds each dependency's raw column names as read.
     */
    public void requireNoColumnCollisions(Map<FeatureKey, ? extends java.util.Collection<String>> upstreamColumns) {
        if (deps.size() < 2) {
            return;
        }
        Map<String, Integer> counts = new java.util.TreeMap<>();
        Set<String> ids = new TreeSet<>(sharedIdColumns);
        for (DepPlan d : deps) {
            ids.addAll(d.renamedIdColumns());
            ids.addAll(d.inputIdColumns());
            java.util.Collection<String> raw = upstreamColumns.containsKey(d.upstream()) ? upstreamColumns.get(d.upstream()) : List.of();
            Set<String> cols = new java.util.LinkedHashSet<>();
            for (String c : raw) {
                if (DepPlan.DROPPED_COLUMNS.contains(c) || SystemColumns.isSystemColumn(c)) {
                    continue;
                }
                String renamed = d.renamed(c);
                if (d.selectedColumns() == null || d.selectedColumns().contains(renamed)) {
                    cols.add(renamed);
                }
            }
            cols.forEach(c -> counts.merge(c, 1, Integer::sum));
        }
        List<String> collisions = new ArrayList<>();
        counts.forEach((c, n) -> {
            if (n > 1 && !ids.contains(c)) {
                collisions.add(c);
            }
        });
        if (!collisions.isEmpty()) {
            throw new IllegalArgumentException("Found column collisions " + collisions + " across upstream features for feature "
                + target.key() + ": Only ID columns " + ids + " and required system columns " + SystemColumns.VERSIONING
                + " should be shared. Please add explicit renames in your FeatureDep to avoid column collisions.");
        }
    }

    public FeatureSpec target() {
        return target;
    }

    public FeatureKey key() {
        return target.key();
    }

    public boolean isRoot() {
        return deps.isEmpty();
    }

    public List<DepPlan> deps() {
        return deps;
    }

    /** Required dependencies in spec order. */
    public List<DepPlan> requiredDeps() {
        return deps.stream().filter(d -> !d.optional()).toList();
    }

    /** Optional dependencies in spec order. */
    public List<DepPlan> optionalDeps() {
        return deps.stream().filter(DepPlan::optional).toList();
    }

    /** The columns all dependencies are joined on (and the increment compares on). */
    public List<String> joinColumns() {
        return sharedIdColumns;
    }

    /** True when any dependency uses expansion (1:N) lineage: current rows are collapsed per parent. */
    public boolean hasExpansion() {
        return deps.stream().anyMatch(d -> d.dep().lineage() instanceof Lineage.Expansion);
    }

    public List<FieldPlan> fields() {
        return fields;
    }

    /** The target's struct keys sorted, the order in which the sample provenance concatenates them. */
    public List<String> sortedStructKeys() {
        return sortedStructKeys;
    }

    /** How one target field's provenance string is assembled. */
    public record FieldPlan(String fieldKey, String structKey, String codeVersion, List<ParentField> parents) {
    }

    /**
     * One parent field: its {@code feature.field} label, the column suffix of the upstream's renamed system
     * columns, the struct key inside the upstream's data-version struct, and whether the upstream is optional.
     */
    public record ParentField(QualifiedFieldKey qualified, String upstreamSuffix, String structKey, boolean optional) {
        /** The upstream's renamed {@code metaxy_data_version_by_field} column. */
        public String dataVersionColumn() {
            return SystemColumns.DATA_VERSION_BY_FIELD + upstreamSuffix;
        }
    }
}
