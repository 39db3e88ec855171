package callsim.speech;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.core.DrillEvent;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A turn's confidence through the live recogniser, over a simulated phone line: clear English is heard
 * clearly, noise and another language are not (so the caller asks again and nothing is scored).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TurnConfidenceTest {
    /** Agent lines held out of the language model's corpus, as a real agent's own words would be. */
    private static final String ENGLISH = "Would it help if I called you back tomorrow to confirm the money arrived?";
    private static final String GERMAN = "Es tut mir wirklich leid, das ist ärgerlich.";
    private static final int FRAME = 160;

    @TempDir
    Path workDir;
    private RecognizerPool pool;

    @BeforeAll
    void loadPool() {
        Assumptions.assumeTrue(SyntheticPhoneSpeech.espeakAvailable(), "espeak-ng is needed to make test speech");
        Assumptions.assumeTrue(SyntheticPhoneSpeech.fliteAvailable(), "flite (with its slt voice) is needed to make test speech");
        pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(1));
    }

    @AfterAll
    void closePool() {
        if (pool != null) pool.close();
    }

    @Test
    void clearEnglishIsHeardClearly() throws Exception {
        RecognizedTurn flite = recognise(SyntheticPhoneSpeech.phoneLine(SyntheticPhoneSpeech.flite(ENGLISH, "slt", workDir)));
        RecognizedTurn espeak = recognise(SyntheticPhoneSpeech.phoneLine(ENGLISH, workDir));

        assertThat(flite.confidence()).as("flite slt: \"%s\"", flite.words()).isGreaterThanOrEqualTo(DrillEvent.AgentTurn.HEARD_CLEARLY);
        assertThat(espeak.confidence()).as("espeak-ng: \"%s\"", espeak.words()).isGreaterThanOrEqualTo(DrillEvent.AgentTurn.HEARD_CLEARLY);
    }

    @Test
    void germanSpeechIsNotHeardClearly() throws Exception {
        RecognizedTurn german = recognise(SyntheticPhoneSpeech.phoneLine(SyntheticPhoneSpeech.espeak(GERMAN, "de", workDir)));

        assertThat(german.words()).as("the recogniser still invents English words").isNotBlank();
        assertThat(german.confidence()).as("\"%s\"", german.words()).isLessThan(DrillEvent.AgentTurn.HEARD_CLEARLY);
    }

    @Test
    void aBurstOfNoiseIsNotHeardClearly() throws Exception {
        RecognizedTurn noise = recognise(noiseBurst(new Random(12)));

        assertThat(noise.confidence()).as("\"%s\"", noise.words()).isLessThan(DrillEvent.AgentTurn.HEARD_CLEARLY);
    }

    /** Quiet, 1.5 s of loud white noise (a rustle, a bad line), quiet: what starts a turn on the line. */
    private static SyntheticPhoneSpeech.Pcm noiseBurst(Random random) {
        short[] pcm = new short[8000 * 3];
        for (int i = 4800; i < 4800 + 12000; i++) pcm[i] = (short) (random.nextGaussian() * 6000);
        return SyntheticPhoneSpeech.phoneLine(new SyntheticPhoneSpeech.Pcm(pcm, 8000));
    }

    private RecognizedTurn recognise(SyntheticPhoneSpeech.Pcm line) throws Exception {
        // a new agent each time: what one test heard must not colour another's (speaker adaptation)
        RecognitionSession session = pool.startTurn(new SpeakerProfile());
        short[] pcm = line.samples();
        for (int i = 0; i < pcm.length; i += FRAME) session.feed(java.util.Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + FRAME)));
        return session.finish().get(60, TimeUnit.SECONDS);
    }
}
