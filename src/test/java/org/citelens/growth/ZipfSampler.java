package org.citelens.growth;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Draws ranks 1..n with probability proportional to 1/rank^s: citation counts are heavy-tailed, a few works cited
 * thousands of times and most once or never. Inverse transform over the cumulative weights (8 bytes per rank).
 */
final class ZipfSampler {
    private final double[] cumulative;

    ZipfSampler(int n, double exponent) {
        if (n < 1) throw new IllegalArgumentException("need at least one work");
        cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1.0 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) cumulative[i] /= sum;
    }

    /** A rank from 1 (the most cited) to n. */
    int draw(SplittableRandom random) {
        int i = Arrays.binarySearch(cumulative, random.nextDouble());
        int index = i >= 0 ? i : -i - 1;
        return Math.min(index, cumulative.length - 1) + 1;
    }

    int size() {
        return cumulative.length;
    }
}
