package callsim.speech;

import java.util.Arrays;

/**
 * Which way the voice's pitch goes at the end of a stretch of speech: a pure function of its samples.
 * The pitch is tracked with YIN (de Cheveigné and Kawahara, 2002) every 10 ms between 50 and 400 Hz, on
 * voiced frames only, over the last {@link #TAIL_MS} of voiced speech, and its overall change in
 * semitones there decides. Used once per pause on the agent's last voiced audio, never per frame
 * (docs/metrics.md, "end of turn").
 */
public final class PitchTail {
    /** Which way the pitch went at the end. */
    public enum Direction {
        /** Down by at least {@link #FALL_SEMITONES}: a statement or a question that has landed. */
        FALLING,
        /** Up by at least {@link #RISE_SEMITONES}: a continuation (or a yes/no question). */
        RISING,
        /** Voiced, but neither clearly up nor down. */
        FLAT,
        /** Too little voiced speech to tell. */
        UNKNOWN
    }

    /** How much of the voiced speech before the pause is looked at. */
    public static final int TAIL_MS = 300;
    /** A fall this large (semitones over the tail) counts; synthetic voices' statements fall 2-6. */
    static final double FALL_SEMITONES = -2.0;
    /** A rise this large counts; kept well above the wobble of a flat synthetic tail (±1-2 semitones). */
    static final double RISE_SEMITONES = 3.0;
    static final double MIN_HZ = 50;
    static final double MAX_HZ = 400;
    private static final int HOP_MS = 10;
    private static final int WINDOW_MS = 20;
    private static final double YIN_THRESHOLD = 0.2;
    /** Frames more than this below the loudest frame of the tail are not taken as voiced. */
    private static final double QUIET_DB = 25;
    private static final double MIN_RMS = 100;  // about -50 dBFS: line noise is not a voice
    private static final int MIN_VOICED_FRAMES = 8;  // 80 ms of pitch

    private PitchTail() {
    }

    /** The direction at the end of {@code samples} (16-bit mono PCM at {@code sampleRate}); silence after the speech is skipped. */
    public static Direction of(short[] samples, int sampleRate) {
        double change = tailChangeSemitones(samples, sampleRate);
        if (Double.isNaN(change)) return Direction.UNKNOWN;
        if (change <= FALL_SEMITONES) return Direction.FALLING;
        if (change >= RISE_SEMITONES) return Direction.RISING;
        return Direction.FLAT;
    }

    /** How far the pitch moved over the voiced tail (fitted line, semitones), or NaN when too little is voiced. */
    static double tailChangeSemitones(short[] samples, int sampleRate) {
        double[] pitch = track(samples, sampleRate);
        int last = pitch.length - 1;
        while (last >= 0 && pitch[last] == 0) last--;
        if (last < 0) return Double.NaN;
        int hops = TAIL_MS / HOP_MS;
        int first = Math.max(0, last - hops + 1);
        double[] semitones = new double[last - first + 1];
        double[] times = new double[semitones.length];
        int n = 0;
        for (int i = first; i <= last; i++) {
            if (pitch[i] == 0) continue;
            semitones[n] = 12 * Math.log(pitch[i]) / Math.log(2);
            times[n++] = i * HOP_MS / 1000.0;
        }
        if (n < MIN_VOICED_FRAMES) return Double.NaN;
        double[] smooth = medianOf3(Arrays.copyOf(semitones, n));
        return slope(times, smooth, n) * (times[n - 1] - times[0]);
    }

    /**
     * The pitch every 10 ms (frame {@code i} starts at {@code i * 10 ms}), in Hz, 0 where the frame is not
     * voiced (too quiet, or no period between 50 and 400 Hz).
     */
    static double[] track(short[] samples, int sampleRate) {
        int hop = sampleRate * HOP_MS / 1000;
        int window = sampleRate * WINDOW_MS / 1000;
        int maxLag = (int) Math.ceil(sampleRate / MIN_HZ);
        int minLag = (int) Math.floor(sampleRate / MAX_HZ);
        int span = window + maxLag;
        if (samples.length < span) return new double[0];
        int frames = (samples.length - span) / hop + 1;
        double[] rms = new double[frames];
        double loudest = 0;
        for (int f = 0; f < frames; f++) {
            double sum = 0;
            for (int i = f * hop, end = i + window; i < end; i++) sum += (double) samples[i] * samples[i];
            rms[f] = Math.sqrt(sum / window);
            loudest = Math.max(loudest, rms[f]);
        }
        double quiet = Math.max(MIN_RMS, loudest * Math.pow(10, -QUIET_DB / 20));
        double[] pitch = new double[frames];
        double[] diff = new double[maxLag + 1];
        for (int f = 0; f < frames; f++) {
            if (rms[f] < quiet) continue;
            pitch[f] = yin(samples, f * hop, window, minLag, maxLag, diff, sampleRate);
        }
        return pitch;
    }

    /** YIN's period estimate for the window at {@code from}: the frequency, or 0 when no dip is deep enough. */
    private static double yin(short[] x, int from, int window, int minLag, int maxLag, double[] d, int sampleRate) {
        for (int lag = 1; lag <= maxLag; lag++) {
            double sum = 0;
            for (int i = from, end = from + window; i < end; i++) {
                double delta = x[i] - x[i + lag];
                sum += delta * delta;
            }
            d[lag] = sum;
        }
        // cumulative mean normalised difference
        double running = 0;
        d[0] = 1;
        for (int lag = 1; lag <= maxLag; lag++) {
            running += d[lag];
            d[lag] = running == 0 ? 1 : d[lag] * lag / running;
        }
        for (int lag = minLag; lag < maxLag; lag++) {
            if (d[lag] >= YIN_THRESHOLD) continue;
            while (lag + 1 < maxLag && d[lag + 1] < d[lag]) lag++;
            double a = d[lag - 1], b = d[lag], c = d[lag + 1];
            double shift = (a - 2 * b + c) == 0 ? 0 : 0.5 * (a - c) / (a - 2 * b + c);  // parabolic refinement
            double period = lag + Math.max(-1, Math.min(1, shift));
            double hz = sampleRate / period;
            return hz >= MIN_HZ && hz <= MAX_HZ ? hz : 0;
        }
        return 0;
    }

    /** A 3-point running median: one stray octave jump does not make a rise. */
    private static double[] medianOf3(double[] v) {
        double[] out = v.clone();
        for (int i = 1; i + 1 < v.length; i++) {
            double a = v[i - 1], b = v[i], c = v[i + 1];
            out[i] = Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
        }
        return out;
    }

    /** Least-squares slope of {@code y} over {@code x}, first {@code n} points. */
    private static double slope(double[] x, double[] y, int n) {
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }
}
