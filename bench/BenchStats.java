import java.util.Arrays;
import java.util.List;

/** Medians and percentiles as the benchmarks that compare two versions of the service report them. */
final class BenchStats {

    private BenchStats() {
    }

    static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** The nearest-rank percentile (0 < q <= 1) of sorted values. */
    static long percentile(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(q * sorted.length) - 1)];
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(Double.NaN);
    }

    /** Values as a list to print, with this format each. */
    static String list(List<Double> values, String format) {
        return values.stream().map(v -> String.format(format, v)).toList().toString();
    }
}
