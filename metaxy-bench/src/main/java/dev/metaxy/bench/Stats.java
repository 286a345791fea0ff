package dev.metaxy.bench;

import java.util.Arrays;
import java.util.List;

/** Quantiles with linear interpolation between order statistics (numpy's default). */
public final class Stats {
    private Stats() {
    }

    public static double quantile(List<Double> values, double q) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    public static double median(List<Double> values) {
        return quantile(values, 0.5);
    }
}
