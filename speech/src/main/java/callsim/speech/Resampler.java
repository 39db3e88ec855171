package callsim.speech;

/**
 * Sample-rate conversion of whole utterances by windowed-sinc interpolation (Blackman window).
 *
 * <p>The rate ratio is reduced to {@code up/down}; output sample {@code n} sits at input position
 * {@code n * down / up}, so only {@code up} distinct filter phases exist and each is computed once,
 * on first use. When down-sampling the sinc cut-off is moved below the new Nyquist frequency, which
 * is the anti-aliasing low-pass. This runs on whole utterances, never on the 20 ms audio path, so it
 * favours clarity over speed.
 */
public final class Resampler {
    /** Sinc zero crossings on each side of the centre; more = sharper cut-off, more work. */
    private static final int ZERO_CROSSINGS = 24;
    /** Cut-off as a fraction of the lower Nyquist frequency: leaves room for the transition band. */
    private static final double CUTOFF_FRACTION = 0.9;
    private static final int MAX_RATE = 768_000;

    private Resampler() {}

    /**
     * Converts {@code in} from {@code fromRate} to {@code toRate} (Hz). Returns a new array of
     * {@code ceil(in.length * toRate / fromRate)} samples; values are rounded and clipped to 16 bits.
     */
    public static short[] resample(short[] in, int fromRate, int toRate) {
        if (in == null) throw new IllegalArgumentException("input samples are null");
        checkRate("fromRate", fromRate);
        checkRate("toRate", toRate);
        if (fromRate == toRate) return in.clone();

        int gcd = gcd(fromRate, toRate);
        int up = toRate / gcd;
        int down = fromRate / gcd;
        // Cut-off in cycles per input sample (0.5 = input Nyquist).
        double cutoff = CUTOFF_FRACTION * 0.5 * Math.min(1.0, (double) toRate / fromRate);
        int halfTaps = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        double[][] phases = new double[up][];

        int outLength = (int) (((long) in.length * up + down - 1) / down);
        short[] out = new short[outLength];
        for (int n = 0; n < outLength; n++) {
            long position = (long) n * down;
            int centre = (int) (position / up);
            int phase = (int) (position % up);
            double[] taps = phases[phase];
            if (taps == null) taps = phases[phase] = taps((double) phase / up, halfTaps, cutoff);
            double sum = 0;
            int first = centre - halfTaps + 1;
            for (int t = 0; t < taps.length; t++) {
                int k = first + t;
                if (k >= 0 && k < in.length) sum += taps[t] * in[k];
            }
            out[n] = clip(sum);
        }
        return out;
    }

    /**
     * Filter taps for input samples {@code centre-halfTaps+1 .. centre+halfTaps} when the output
     * lies {@code fraction} of a sample after {@code centre}. Normalised to unit DC gain.
     */
    private static double[] taps(double fraction, int halfTaps, double cutoff) {
        double[] taps = new double[2 * halfTaps];
        double sum = 0;
        for (int t = 0; t < taps.length; t++) {
            double distance = (t - halfTaps + 1) - fraction; // input sample minus output position
            double x = distance / halfTaps; // -1..1 across the window
            double window = Math.abs(x) >= 1 ? 0
                    : 0.42 + 0.5 * Math.cos(Math.PI * x) + 0.08 * Math.cos(2 * Math.PI * x);
            taps[t] = 2 * cutoff * sinc(2 * cutoff * distance) * window;
            sum += taps[t];
        }
        for (int t = 0; t < taps.length; t++) taps[t] /= sum;
        return taps;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-12) return 1;
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static short clip(double value) {
        long rounded = Math.round(value);
        return (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
    }

    private static void checkRate(String name, int rate) {
        if (rate <= 0 || rate > MAX_RATE) {
            throw new IllegalArgumentException(name + " must be 1.." + MAX_RATE + " Hz, was " + rate);
        }
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
