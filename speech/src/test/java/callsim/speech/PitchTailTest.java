package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import callsim.speech.PitchTail.Direction;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitchTailTest {
    private static final int RATE = 8000;

    /**
     * A voiced sound whose pitch moves {@code semitones} over {@code seconds} (linearly in semitones, as an
     * intonation contour does), with a few harmonics and a syllable-like loudness swing, then {@code silenceS} of
     * silence.
     */
    static short[] glide(double startHz, double semitones, double seconds, double silenceS) {
        int n = (int) (seconds * RATE);
        short[] out = new short[n + (int) (silenceS * RATE)];
        double phase = 0;
        for (int i = 0; i < n; i++) {
            double t = i / (double) RATE;
            double hz = startHz * Math.pow(2, semitones * t / seconds / 12);
            phase += 2 * Math.PI * hz / RATE;
            double v = 0;
            for (int h = 1; h <= 8; h++) v += Math.sin(h * phase) / h;
            double loudness = 0.6 + 0.4 * Math.abs(Math.sin(Math.PI * 4 * t));
            out[i] = (short) (5000 * loudness * v);
        }
        return out;
    }

    @Test
    void aFallingGlideFallsARisingOneRisesALevelOneIsFlat() {
        assertThat(PitchTail.of(glide(200, -10, 0.8, 0.3), RATE)).isEqualTo(Direction.FALLING);
        assertThat(PitchTail.of(glide(110, 10, 0.8, 0.3), RATE)).isEqualTo(Direction.RISING);
        assertThat(PitchTail.of(glide(150, 0, 0.8, 0.3), RATE)).isEqualTo(Direction.FLAT);
    }

    @Test
    void onlyTheEndCounts() {
        // up a fifth, then down an octave in the last 400 ms: a statement's final fall after a stressed word
        short[] up = glide(120, 7, 0.6, 0);
        short[] down = glide(120 * Math.pow(2, 7 / 12.0), -12, 0.4, 0.2);
        short[] both = new short[up.length + down.length];
        System.arraycopy(up, 0, both, 0, up.length);
        System.arraycopy(down, 0, both, up.length, down.length);
        assertThat(PitchTail.of(both, RATE)).isEqualTo(Direction.FALLING);
    }

    @Test
    void theTrackFollowsThePitch() {
        double[] pitch = PitchTail.track(glide(150, 0, 0.5, 0), RATE);
        for (int i = 2; i < pitch.length - 2; i++) assertThat(pitch[i]).isBetween(147.0, 153.0);
    }

    @Test
    void silenceAndNoiseHaveNoPitch() {
        assertThat(PitchTail.of(new short[RATE], RATE)).isEqualTo(Direction.UNKNOWN);
        Random random = new Random(3);
        short[] noise = new short[RATE];
        for (int i = 0; i < noise.length; i++) noise[i] = (short) (random.nextGaussian() * 3000);
        assertThat(PitchTail.of(noise, RATE)).isEqualTo(Direction.UNKNOWN);
        assertThat(PitchTail.of(new short[100], RATE)).isEqualTo(Direction.UNKNOWN);
    }

    /**
     * espeak-ng's statements end on a fall of 4-6 semitones over a phone line, and its yes/no questions do not:
     * they stay level or rise. (flite's voices hardly move at the end of either, below.)
     */
    @Test
    void espeakStatementsFallAndItsYesNoQuestionsDoNot(@TempDir Path work) throws Exception {
        assumeTrue(SyntheticPhoneSpeech.espeakAvailable(), "espeak-ng not installed");
        for (String statement : new String[] {"You were charged twice.", "I can refund that today.",
                "Let me check your account.", "The refund will take five days."}) {
            assertThat(direction(SyntheticPhoneSpeech.phoneLine(statement, work))).as(statement).isEqualTo(Direction.FALLING);
        }
        for (String question : new String[] {"Were you charged twice?", "Would you like a refund?",
                "Is that your account number?"}) {
            assertThat(direction(SyntheticPhoneSpeech.phoneLine(question, work))).as(question).isNotEqualTo(Direction.FALLING);
        }
    }

    @Test
    void fliteNeverSoundsRisingAtTheEndOfAStatement(@TempDir Path work) throws Exception {
        assumeTrue(SyntheticPhoneSpeech.fliteAvailable(), "flite not installed");
        for (String voice : new String[] {"slt", "rms"}) {
            for (String statement : new String[] {"You were charged twice.", "I can refund that today."}) {
                SyntheticPhoneSpeech.Pcm line = SyntheticPhoneSpeech.phoneLine(SyntheticPhoneSpeech.flite(statement, voice, work));
                assertThat(direction(line)).as(voice + ": " + statement).isNotEqualTo(Direction.RISING);
            }
        }
    }

    private static Direction direction(SyntheticPhoneSpeech.Pcm pcm) {
        return PitchTail.of(pcm.samples(), pcm.sampleRate());
    }
}
