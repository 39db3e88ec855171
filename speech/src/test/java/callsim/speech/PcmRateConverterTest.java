package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PcmRateConverterTest {
    @Test
    void keepsATonInsideTheNewBandAndRemovesOneAboveIt() {
        short[] pass = PcmRateConverter.convert(tone(1000, 22050, 22050), 22050, 8000);
        short[] stop = PcmRateConverter.convert(tone(6000, 22050, 22050), 22050, 8000);

        assertThat(pass).hasSize(8000);
        assertThat(rms(pass)).isCloseTo(rms(tone(1000, 8000, 8000)), org.assertj.core.data.Percentage.withPercentage(5));
        assertThat(rms(stop)).isLessThan(rms(pass) / 50); // would alias to 2 kHz without the low-pass
    }

    @Test
    void rejectsNonsenseRates() {
        assertThatThrownBy(() -> PcmRateConverter.convert(new short[10], 0, 8000)).isInstanceOf(IllegalArgumentException.class);
    }

    private static short[] tone(double hz, int rate, int samples) {
        short[] pcm = new short[samples];
        for (int i = 0; i < samples; i++) pcm[i] = (short) (10000 * Math.sin(2 * Math.PI * hz * i / rate));
        return pcm;
    }

    private static double rms(short[] pcm) {
        double sum = 0;
        for (int i = pcm.length / 10; i < pcm.length * 9 / 10; i++) sum += pcm[i] * (double) pcm[i];
        return Math.sqrt(sum / (pcm.length * 0.8));
    }
}
