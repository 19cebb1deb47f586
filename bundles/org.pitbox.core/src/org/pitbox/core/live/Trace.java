package org.pitbox.core.live;

/** A fixed ring of the newest samples of one input, oldest first by {@link #get(int)}. */
public final class Trace {
    private final float[] samples;
    private int next;
    private int size;

    public Trace(int capacity) {
        samples = new float[capacity];
    }

    public void add(float value) {
        samples[next] = value;
        next = (next + 1) % samples.length;
        size = Math.min(size + 1, samples.length);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return samples.length;
    }

    /** Sample {@code i}, 0 the oldest kept. */
    public float get(int i) {
        return samples[(next - size + i + samples.length) % samples.length];
    }

    public void clear() {
        next = 0;
        size = 0;
    }
}
