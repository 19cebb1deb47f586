package org.pitbox.core.coach;

import java.util.Arrays;

/**
 * The rows of the lap in progress, as the coach reads them: record number, session time, lap distance, speed,
 * brake, yaw rate and the mean temperature of each tyre. Grows as needed; {@link #clear()} keeps the arrays.
 */
final class LapSamples {
    static final int TYRES = 4;

    int size;
    int[] record = new int[4096];
    double[] time = new double[4096];
    double[] pct = new double[4096];
    double[] speed = new double[4096];
    double[] brake = new double[4096];
    double[] yaw = new double[4096];
    double[][] tyre = new double[TYRES][4096];

    void add(int rec, double t, double p, double v, double b, double y, double[] tyres) {
        if (size == record.length) {
            int n = size * 2;
            record = Arrays.copyOf(record, n);
            time = Arrays.copyOf(time, n);
            pct = Arrays.copyOf(pct, n);
            speed = Arrays.copyOf(speed, n);
            brake = Arrays.copyOf(brake, n);
            yaw = Arrays.copyOf(yaw, n);
            for (int w = 0; w < TYRES; w++) {
                tyre[w] = Arrays.copyOf(tyre[w], n);
            }
        }
        record[size] = rec;
        time[size] = t;
        pct[size] = p;
        speed[size] = v;
        brake[size] = b;
        yaw[size] = y;
        for (int w = 0; w < TYRES; w++) {
            tyre[w][size] = tyres[w];
        }
        size++;
    }

    void clear() {
        size = 0;
    }
}
