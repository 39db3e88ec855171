package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VoiceActivityDetectorTest {
    private final VoiceActivityDetector vad = new VoiceActivityDetector(VoiceActivityDetector.Settings.defaults());

    private int voicedFrames(short[] audio) {
        int voiced = 0;
        for (int i = 0; i + 160 <= audio.length; i += 160) if (vad.isVoiced(Arrays.copyOfRange(audio, i, i + 160))) voiced++;
        return voiced;
    }

    @Test
    void theNoiseFloorSettlesOnSteadyNoise() {
        voicedFrames(LineSignals.viaMuLaw(LineSignals.whiteNoise(-60, 1000, 1)));
        voicedFrames(LineSignals.viaMuLaw(LineSignals.whiteNoise(-38, 3000, 2)));
        assertThat(vad.noiseFloorDbfs()).isCloseTo(-38, org.assertj.core.data.Offset.offset(2.0));
        assertThat(vad.lastLevelDbfs()).isCloseTo(-38, org.assertj.core.data.Offset.offset(2.0));
    }

    @Test
    void aDcOffsetIsNeitherSpeechNorHidesIt() {
        short[] line = LineSignals.whiteNoise(-60, 3000, 6);
        LineSignals.mixIn(line, LineSignals.buzz(-35, 1000), 2000);
        for (int i = 0; i < line.length; i++) line[i] += 6000; // a badly biased microphone: -15 dBFS of DC
        short[] quiet = Arrays.copyOfRange(line, 0, 16000);
        short[] speaking = Arrays.copyOfRange(line, 16000, 24000);

        assertThat(voicedFrames(quiet)).isZero();
        assertThat(voicedFrames(speaking)).isGreaterThan(40);
    }

    @Test
    void aSoftContinuationKeepsVoiceButCannotStartIt() {
        voicedFrames(LineSignals.whiteNoise(-60, 1000, 3));
        double floor = vad.noiseFloorDbfs();
        short[] soft = LineSignals.whiteNoise(floor + 8, 20, 4); // between the continue and start margins
        short[] loud = LineSignals.whiteNoise(-25, 20, 5);

        assertThat(vad.isVoiced(soft)).as("soft frame alone").isFalse();
        assertThat(vad.isVoiced(loud)).isTrue();
        assertThat(vad.isVoiced(soft)).as("soft frame after voice").isTrue();
    }

    @Test
    void nonsenseSettingsAreRejected() {
        assertThatThrownBy(() -> new VoiceActivityDetector.Settings(8000, 6, 10, -50, 5, -70, 1000, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("continueAboveFloorDb");
        assertThatThrownBy(() -> vad.isVoiced(new short[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
