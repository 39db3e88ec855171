package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @ParameterizedTest
    @CsvSource({"16000,8000", "8000,16000", "44100,8000", "48000,8000", "22050,16000", "11025,8000",
            "8000,44100", "32000,48000", "44100,48000", "48000,44100", "16000,11025"})
    void lengthFollowsTheRateRatioAndAToneKeepsItsFrequencyAndLevel(int from, int to) {
        short[] tone = tone(1000, from, from / 2, 10000); // 0.5 s at 1 kHz

        short[] out = Resampler.resample(tone, from, to);

        assertThat(out).hasSize((int) Math.ceil(tone.length * (double) to / from));
        double[] middle = middle(out);
        assertThat(dbfs(goertzel(middle, 1000, to))).as("1 kHz level").isCloseTo(dbfs(10000 / Math.sqrt(2)), within(0.5));
        // Nothing of note anywhere else: compare total power with the tone's power.
        assertThat(rms(middle)).isCloseTo(10000 / Math.sqrt(2), org.assertj.core.data.Percentage.withPercentage(2));
        assertThat(zeroCrossings(middle)).isCloseTo((int) (2 * 1000.0 * middle.length / to), org.assertj.core.data.Offset.offset(2));
    }

    @ParameterizedTest
    @CsvSource({"16000,8000,6000", "16000,8000,4300", "44100,8000,11000", "48000,8000,5000", "22050,16000,9000"})
    void aToneAboveTheNewNyquistIsStronglyAttenuated(int from, int to, int frequency) {
        short[] tone = tone(frequency, from, from / 2, 20000);

        short[] out = Resampler.resample(tone, from, to);

        // Without a low-pass it would alias to a full-level tone; demand at least 60 dB less.
        assertThat(dbfs(rms(middle(out)))).isLessThan(dbfs(20000 / Math.sqrt(2)) - 60);
    }

    @Test
    void sameRateReturnsACopyAndEmptyStaysEmpty() {
        short[] in = {1, 2, 3};
        short[] out = Resampler.resample(in, 8000, 8000);
        assertThat(out).containsExactly(1, 2, 3).isNotSameAs(in);
        assertThat(Resampler.resample(new short[0], 16000, 8000)).isEmpty();
    }

    @Test
    void overshootAtFullScaleSaturatesInsteadOfWrappingAround() {
        short[] step = new short[1600];
        java.util.Arrays.fill(step, 800, step.length, Short.MAX_VALUE);

        short[] out = Resampler.resample(step, 16000, 8000);

        // The filter rings above full scale just after the step; a wrapped sample would go negative.
        for (int i = 410; i < out.length; i++) assertThat(out[i]).as("sample %d", i).isGreaterThan((short) 30000);
        assertThat(out).contains(Short.MAX_VALUE);
    }

    @Test
    void rejectsNonsenseRates() {
        assertThatThrownBy(() -> Resampler.resample(new short[1], 0, 8000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fromRate");
        assertThatThrownBy(() -> Resampler.resample(new short[1], 8000, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("toRate");
    }

    static short[] tone(double frequency, int rate, int samples, double amplitude) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) out[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * frequency * i / rate));
        return out;
    }

    /** The central half, away from the edges where the filter runs off the end of the input. */
    private static double[] middle(short[] samples) {
        int from = samples.length / 4;
        double[] out = new double[samples.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = samples[from + i];
        return out;
    }

    /** RMS of the component at {@code frequency}. */
    private static double goertzel(double[] x, double frequency, int rate) {
        double coefficient = 2 * Math.cos(2 * Math.PI * frequency / rate);
        double s1 = 0, s2 = 0;
        for (double v : x) {
            double s = v + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return Math.sqrt(2 * power) / x.length;
    }

    private static double rms(double[] x) {
        double sum = 0;
        for (double v : x) sum += v * v;
        return Math.sqrt(sum / x.length);
    }

    private static int zeroCrossings(double[] x) {
        int crossings = 0;
        for (int i = 1; i < x.length; i++) if ((x[i - 1] < 0) != (x[i] < 0)) crossings++;
        return crossings;
    }

    private static double dbfs(double rms) {
        return 20 * Math.log10(Math.max(rms, 1e-9) / 32768);
    }

    private static org.assertj.core.data.Offset<Double> within(double dB) {
        return org.assertj.core.data.Offset.offset(dB);
    }
}
