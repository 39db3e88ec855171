package callsim.speech;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Recognition of synthetic agent speech over a simulated phone line, with a pool of two recognisers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecognizerPoolTest {
    /** In-domain agent lines that are NOT lines of the corpus. */
    private static final List<String> HELD_OUT = List.of(
        "I'm sorry about the double charge on your bill.",
        "May I place you on hold for three minutes while I check your account?",
        "I can refund the late fee today or credit it to your next bill.",
        "Can you give me the date of the charge, please?",
        "I understand why you're frustrated, let me fix this for you.",
        "The technician will come tomorrow morning between eight and twelve.",
        "I'll transfer you to my supervisor, who can approve the refund.",
        "Please calm down and listen to me.",
        "Is there anything else I can do for you today?",
        "I'm sorry your package arrived late.");
    private static final int FRAME = 160; // 20 ms at 8 kHz

    @TempDir
    Path workDir;
    private RecognizerPool pool;
    /** One agent speaks every turn here, as in a drill. */
    private final SpeakerProfile agent = new SpeakerProfile();

    @BeforeAll
    void loadPool() {
        Assumptions.assumeTrue(SyntheticPhoneSpeech.espeakAvailable(), "espeak-ng is needed to make test speech");
        long start = System.nanoTime();
        pool = RecognizerPool.start(RecognizerSettings.defaults().withPoolSize(2));
        assertThat(pool.size()).as("start returns once the first recogniser can decode").isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(120)).until(() -> pool.size() == 2); // the rest join in the background
        System.out.printf("[asr] pool of %d loaded in %d ms; per recogniser (load + prime): %s%n",
            pool.size(), (System.nanoTime() - start) / 1_000_000,
            pool.loadTimes().stream().map(d -> d.toMillis() + " ms").toList());
    }

    @AfterAll
    void closePool() {
        if (pool != null) pool.close();
    }

    @Test
    void heldOutSentencesAreMostlyTheWordsTheAgentSaid() throws Exception {
        Set<String> corpus = DomainLanguageModel.agentPhrases().stream().map(SpokenText::normalize).collect(Collectors.toSet());
        int errors = 0;
        int words = 0;
        double audioSeconds = 0;
        double decodeSeconds = 0;
        for (String sentence : HELD_OUT) {
            assertThat(corpus).as("test sentence must be held out of the corpus").doesNotContain(SpokenText.normalize(sentence));
            SyntheticPhoneSpeech.Pcm audio = SyntheticPhoneSpeech.phoneLine(sentence, workDir);
            RecognitionSession session = pool.startTurn(agent);
            long start = System.nanoTime();
            feedInFrames(session, audio.samples());
            String heard = session.finish().get(60, TimeUnit.SECONDS).words();
            decodeSeconds += (System.nanoTime() - start) / 1e9;
            audioSeconds += audio.seconds();
            List<String> reference = SpokenText.words(sentence);
            int e = WordErrorRate.errors(reference, SpokenText.words(heard));
            errors += e;
            words += reference.size();
            System.out.printf("[asr] %d/%d errors | said: %s | heard: %s%n", e, reference.size(), SpokenText.normalize(sentence), heard);
        }
        double wer = errors / (double) words;
        System.out.printf("[asr] held-out WER %.1f%% (%d/%d words), real-time factor %.2f (%.1f s decode / %.1f s audio)%n",
            100 * wer, errors, words, decodeSeconds / audioSeconds, decodeSeconds, audioSeconds);
        // Measured 37-41% (espeak-ng through G.711 is the hard case; the order of tests moves it a little):
        // this guards against regressions, the benchmark suite tracks the real figure.
        assertThat(wer).isLessThan(0.45);
    }

    @Test
    void aRecogniserServesConsecutiveTurnsWithoutReloadingItsModels() throws Exception {
        int loadsBefore = pool.modelLoads();
        List<String> sentences = List.of("I can refund the duplicate charge today or credit it to your next bill.",
            "Please calm down and listen to me.", "Is there anything else I can do for you today?",
            "I'm sorry about the double charge on your bill.");
        int words = 0;
        int errors = 0;
        for (String sentence : sentences) {
            short[] pcm = SyntheticPhoneSpeech.phoneLine(sentence, workDir).samples();
            RecognitionSession session = pool.startTurn(agent);
            feedInFrames(session, pcm);
            String heard = session.finish().get(60, TimeUnit.SECONDS).words();
            assertThat(heard).as("turn \"%s\"", sentence).isNotBlank();
            List<String> reference = SpokenText.words(sentence);
            words += reference.size();
            errors += WordErrorRate.errors(reference, SpokenText.words(heard));
        }

        // Every turn is still recognised, not only the first: most words come through across them.
        assertThat(errors).as("word errors over %d words", words).isLessThanOrEqualTo(words / 2);
        assertThat(pool.modelLoads()).isEqualTo(loadsBefore).isEqualTo(pool.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
    }

    @Test
    void aTurnStartedWhileEveryRecogniserIsBusyWaitsAndIsThenRecognised() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
        List<RecognitionSession> busy = occupyEveryRecogniser();
        String sentence = "Is there anything else I can do for you today?";
        try {
            assertThat(pool.available()).isZero();
            RecognitionSession waiting = pool.startTurn(agent); // never blocks the audio thread
            assertThat(pool.waitingTurns()).isEqualTo(1);
            feedInFrames(waiting, SyntheticPhoneSpeech.phoneLine(sentence, workDir).samples());
            CompletableFuture<RecognizedTurn> words = waiting.finish();

            busy.remove(0).finish(); // a recogniser frees up within the 3 s the ended turn may wait
            String heard = words.get(60, TimeUnit.SECONDS).words();

            List<String> reference = SpokenText.words(sentence);
            assertThat(WordErrorRate.errors(reference, SpokenText.words(heard))).as(heard).isLessThanOrEqualTo(reference.size() / 3);
            assertThat(pool.shedTurns()).isZero();
        } finally {
            busy.forEach(RecognitionSession::cancel);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
    }

    @Test
    void aTurnThatWaitedWhileItsAudioArrivedCatchesUpWithANarrowerSearchAndIsStillRecognised() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
        List<RecognitionSession> busy = occupyEveryRecogniser();
        String sentence = "Is there anything else I can do for you today?";
        short[] pcm = SyntheticPhoneSpeech.phoneLine(sentence, workDir).samples();
        try {
            RecognitionSession waiting = pool.startTurn(agent);
            long narrowedBefore = pool.narrowedSteps();
            for (int i = 0; i < pcm.length; i += FRAME) { // as a call's audio arrives: 20 ms every 20 ms
                waiting.feed(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + FRAME)));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            CompletableFuture<RecognizedTurn> words = waiting.finish();

            busy.remove(0).finish(); // its decoding starts seconds behind the line
            RecognizedTurn heard = words.get(60, TimeUnit.SECONDS);

            assertThat(pool.narrowedSteps()).as("searched narrower while behind").isGreaterThan(narrowedBefore);
            assertThat(heard.narrowed()).as("the turn says it was searched narrower").isGreaterThan(0);
            List<String> reference = SpokenText.words(sentence);
            assertThat(WordErrorRate.errors(reference, SpokenText.words(heard.words()))).as(heard.words())
                    .isLessThanOrEqualTo(reference.size() / 3);
        } finally {
            busy.forEach(RecognitionSession::cancel);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
    }

    @Test
    void aCancelledTurnReturnsItsRecogniserAndCancelsTheTranscript() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
        RecognitionSession session = pool.startTurn(agent);
        short[] pcm = SyntheticPhoneSpeech.phoneLine("I'm sorry you were kept waiting.", workDir).samples();
        feedInFrames(session, Arrays.copyOf(pcm, pcm.length / 2)); // hung up mid-sentence
        assertThat(pool.available()).isEqualTo(pool.size() - 1);

        session.cancel();
        session.cancel(); // safe twice

        await().atMost(Duration.ofSeconds(10)).until(() -> pool.available() == pool.size());
        assertThat(pool.waitingTurns()).isZero();
    }

    @Test
    void transcribeConvertsAnyRateAndRecognises() throws Exception {
        String sentence = "Is there anything else I can do for you today?";
        SyntheticPhoneSpeech.Pcm wide = SyntheticPhoneSpeech.espeak(sentence, workDir);
        assertThat(wide.sampleRate()).isNotEqualTo(8000);

        String heard = pool.transcribe(wide.samples(), wide.sampleRate());

        List<String> reference = SpokenText.words(sentence);
        assertThat(WordErrorRate.errors(reference, SpokenText.words(heard))).as(heard).isLessThanOrEqualTo(reference.size() / 3);
    }

    @Test
    void silenceIsRecognisedAsNothing() throws Exception {
        RecognitionSession session = pool.startTurn(agent);
        feedInFrames(session, new short[8000]);

        assertThat(session.finish().get(60, TimeUnit.SECONDS)).isEqualTo(new RecognizedTurn("", 0));
    }

    /** One turn started on each recogniser (left open), so the next turn must wait for one. */
    private List<RecognitionSession> occupyEveryRecogniser() {
        List<RecognitionSession> busy = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) busy.add(pool.startTurn(agent));
        return busy;
    }

    private static void feedInFrames(RecognitionSession session, short[] pcm) {
        for (int i = 0; i < pcm.length; i += FRAME) session.feed(Arrays.copyOfRange(pcm, i, Math.min(pcm.length, i + FRAME)));
    }
}
