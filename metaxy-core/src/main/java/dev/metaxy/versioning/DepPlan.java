package dev.metaxy.versioning;

import dev.metaxy.definition.FeatureDep;
import dev.metaxy.definition.FeatureKey;
import dev.metaxy.definition.FeatureSpec;
import dev.metaxy.definition.FieldSpec;
import dev.metaxy.definition.Lineage;
import dev.metaxy.definition.SystemColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one upstream dependency is prepared: columns dropped, user renames, system columns suffixed with the
 * upstream key, filters, column selection and the lineage grouping used for the join.
 */
public final class DepPlan {
    /** Upstream columns dropped before the join. */
    public static final List<String> DROPPED_COLUMNS = List.of(SystemColumns.FEATURE_VERSION, SystemColumns.PROJECT_VERSION,
        SystemColumns.CREATED_AT, SystemColumns.UPDATED_AT, SystemColumns.MATERIALIZATION_ID);

    private final FeatureDep dep;
    private final FeatureSpec upstreamSpec;
    private final String suffix;
    private final Map<String, String> renames;
    private final List<String> renamedIdColumns;
    private final List<String> inputIdColumns;
    private final List<String> selectedColumns;
    private final List<String> aggregationOrder;
    private final List<String> upstreamStructKeys;

    DepPlan(FeatureDep dep, FeatureSpec upstreamSpec, FeatureSpec target) {
        this.dep = dep;
        this.upstreamSpec = upstreamSpec;
        this.suffix = dep.feature().toColumnSuffix();
        Map<String, String> r = new LinkedHashMap<>(dep.rename().orElse(Map.of()));
        for (String c : SystemColumns.VERSIONING) {
            r.put(c, c + suffix);
        }
        this.renames = Map.copyOf(r);
        List<String> ids = new ArrayList<>();
        upstreamSpec.idColumns().forEach(c -> ids.add(renamed(c)));
        this.renamedIdColumns = List.copyOf(ids);
        Lineage lineage = dep.lineage();
        if (lineage instanceof Lineage.Aggregation a) {
            this.inputIdColumns = a.on() != null ? a.on() : target.idColumns();
        } else if (lineage instanceof Lineage.Expansion e) {
            this.inputIdColumns = e.on();
        } else {
            this.inputIdColumns = renamedIdColumns;
        }
        this.selectedColumns = dep.select().map(this::selection).orElse(null);
        List<String> selectedIds = new ArrayList<>();
        for (String c : renamedIdColumns) {
            if (selectedColumns == null || selectedColumns.contains(c)) {
                selectedIds.add(c);
            }
        }
        this.aggregationOrder = selectedIds.isEmpty() ? inputIdColumns : List.copyOf(selectedIds);
        List<String> keys = new ArrayList<>();
        for (FieldSpec f : upstreamSpec.fields()) {
            keys.add(f.key().toStructKey());
        }
        this.upstreamStructKeys = List.copyOf(keys);
    }

    private List<String> selection(List<String> select) {
        List<String> out = new ArrayList<>(select);
        Set<String> kept = new HashSet<>(select);
        List<String> on = lineageOnColumns();
        for (String c : on) {
            String rc = renamed(c);
            if (kept.add(rc)) {
                out.add(rc);
            }
        }
        if (on.isEmpty()) {
            for (String c : upstreamSpec.idColumns()) {
                String rc = renamed(c);
                if (kept.add(rc)) {
                    out.add(rc);
                }
            }
        }
        out.addAll(renamedSystemColumns());
        return List.copyOf(out);
    }

    private List<String> lineageOnColumns() {
        if (dep.lineage() instanceof Lineage.Aggregation a && a.on() != null) {
            return a.on();
        }
        if (dep.lineage() instanceof Lineage.Expansion e) {
            return e.on();
        }
        return List.of();
    }

    public FeatureDep dep() {
        return dep;
    }

    public FeatureKey upstream() {
        return dep.feature();
    }

    public FeatureSpec upstreamSpec() {
        return upstreamSpec;
    }

    public boolean optional() {
        return dep.optional();
    }

    /** The suffix ({@code __a_b}) appended to this upstream's versioning columns. */
    public String suffix() {
        return suffix;
    }

    /** The name a raw upstream column has after user renames and system-column suffixing. */
    public String renamed(String column) {
        return renames.getOrDefault(column, column);
    }

    /** The four versioning columns of this upstream after suffixing. */
    public List<String> renamedSystemColumns() {
        List<String> out = new ArrayList<>(4);
        SystemColumns.VERSIONING.forEach(c -> out.add(c + suffix));
        return out;
    }

    /** Upstream id columns after renames. */
    public List<String> renamedIdColumns() {
        return renamedIdColumns;
    }

    /** The columns this dependency contributes to the join (identity: renamed ids; N:1 and 1:N: {@code on}). */
    public List<String> inputIdColumns() {
        return inputIdColumns;
    }

    /** The (renamed) columns kept after {@code select}, or null when every column is kept. */
    public List<String> selectedColumns() {
        return selectedColumns;
    }

    /** For aggregation: the columns grouping upstream rows. */
    public List<String> aggregationGroup() {
        return inputIdColumns;
    }

    /** For aggregation: the columns ordering rows inside a group before concatenation. */
    public List<String> aggregationOrder() {
        return aggregationOrder;
    }

    /** Struct keys of the upstream's fields in spec order. */
    public List<String> upstreamStructKeys() {
        return upstreamStructKeys;
    }

    public boolean isAggregation() {
        return dep.lineage() instanceof Lineage.Aggregation;
    }
}
