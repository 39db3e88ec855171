package callsim.speech;

/** Level measurements for tests. */
final class Signals {
    private Signals() {}

    static double rmsDbfs(short[] samples) {
        return rmsDbfs(samples, 0, samples.length);
    }

    static double rmsDbfs(short[] samples, int from, int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) sum += (double) samples[i] * samples[i];
        return 10 * Math.log10(Math.max(sum / length, 1e-3) / (32768.0 * 32768.0));
    }

    /** Index of the first window of {@code window} samples louder than {@code dbfs}, or -1. */
    static int firstLoudWindow(short[] samples, int window, double dbfs) {
        for (int w = 0; (w + 1) * window <= samples.length; w++) if (rmsDbfs(samples, w * window, window) > dbfs) return w;
        return -1;
    }

    /** Index of the last window of {@code window} samples louder than {@code dbfs}, or -1. */
    static int lastLoudWindow(short[] samples, int window, double dbfs) {
        for (int w = samples.length / window - 1; w >= 0; w--) if (rmsDbfs(samples, w * window, window) > dbfs) return w;
        return -1;
    }

    /** Share of 20 ms frames louder than {@code dbfs}. */
    static double loudFrameShare(short[] samples, int rate, double dbfs) {
        int frame = rate / 50;
        int frames = samples.length / frame;
        int loud = 0;
        for (int f = 0; f < frames; f++) if (rmsDbfs(samples, f * frame, frame) > dbfs) loud++;
        return (double) loud / frames;
    }
}
