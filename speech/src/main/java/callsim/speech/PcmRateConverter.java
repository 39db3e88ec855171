package callsim.speech;

/**
 * Band-limited sample-rate conversion of 16-bit mono PCM (windowed-sinc interpolation with the
 * cut-off below the lower Nyquist frequency, so down-sampling does not alias). For whole files
 * (CLI, tests, start-up priming), not for the 20 ms audio path.
 */
final class PcmRateConverter {
    /** Zero crossings of the sinc kept on each side of the output instant. */
    private static final int ZERO_CROSSINGS = 12;

    private PcmRateConverter() {
    }

    static short[] convert(short[] pcm, int fromRate, int toRate) {
        if (pcm == null) throw new IllegalArgumentException("pcm must not be null");
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) return pcm.clone();
        double step = fromRate / (double) toRate; // input samples per output sample
        // cut-off in cycles per input sample: 90% of the lower Nyquist frequency
        double cutoff = 0.45 * Math.min(1.0, toRate / (double) fromRate);
        int halfWidth = (int) Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
        int outLength = (int) Math.floor(pcm.length / step);
        short[] out = new short[outLength];
        for (int n = 0; n < outLength; n++) {
            double t = n * step;
            int centre = (int) Math.floor(t);
            double sum = 0;
            for (int k = centre - halfWidth + 1; k <= centre + halfWidth; k++) {
                if (k < 0 || k >= pcm.length) continue;
                double x = t - k;
                sum += pcm[k] * 2 * cutoff * sinc(2 * cutoff * x) * hann(x / halfWidth);
            }
            out[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
        }
        return out;
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** Hann window over [-1, 1]. */
    private static double hann(double x) {
        return Math.abs(x) >= 1 ? 0 : 0.5 * (1 + Math.cos(Math.PI * x));
    }
}
