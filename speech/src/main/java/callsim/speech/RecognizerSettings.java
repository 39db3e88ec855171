package callsim.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How the {@link RecognizerPool} builds its recognisers.
 *
 * @param poolSize             recognisers to load; each decodes one turn at a time and costs about
 *                             100 MB of heap and 2-3 s of CPU to load and prime (BENCHMARKS.md (e),
 *                             bench/run startup)
 * @param extraSentences       sentences added to the bundled agent phrase corpus before the
 *                             domain language model is built (e.g. a scenario's wording)
 * @param setup                language model and search settings ({@link RecognizerSetup#LIVE} for calls)
 * @param maxBufferedAudio     audio a session may hold before decoding catches up; beyond it
 *                             {@link RecognitionSession#feed} drops frames (and counts them)
 * @param leadingSilence       quiet audio put before every turn (speech from the very first sample
 *                             is recognised much worse); also appended, shorter, after it
 */
public record RecognizerSettings(int poolSize, List<String> extraSentences, RecognizerSetup setup,
                                 Duration maxBufferedAudio, Duration leadingSilence) {
    public RecognizerSettings {
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        if (extraSentences == null) throw new IllegalArgumentException("extraSentences must not be null");
        extraSentences = List.copyOf(extraSentences);
        if (setup == null) throw new IllegalArgumentException("setup must not be null");
        if (maxBufferedAudio == null || maxBufferedAudio.toMillis() < 100) {
            throw new IllegalArgumentException("maxBufferedAudio must be at least 100 ms: " + maxBufferedAudio);
        }
        if (leadingSilence == null || leadingSilence.isNegative() || leadingSilence.toMillis() > 2000) {
            throw new IllegalArgumentException("leadingSilence must be 0-2000 ms: " + leadingSilence);
        }
    }

    /**
     * Default pool size: four recognisers per core (8 on a 2-core machine), at most 16. A streaming turn
     * holds its recogniser for as long as the agent talks, but the live set-up decodes at about 0.26 of a
     * core per second of speech (BENCHMARKS.md (c)), so one core keeps up with three or four agents
     * talking at once; the pool must cover the agents talking at the same moment, not the cores. Each
     * costs about 100 MB of heap.
     */
    public static int defaultPoolSize() {
        return Math.max(1, Math.min(16, 4 * Runtime.getRuntime().availableProcessors()));
    }

    /** The live set-up, default pool size, 60 s of buffer, 300 ms of lead-in. */
    public static RecognizerSettings defaults() {
        return new RecognizerSettings(defaultPoolSize(), List.of(), RecognizerSetup.LIVE, Duration.ofSeconds(60),
            Duration.ofMillis(300));
    }

    public RecognizerSettings withPoolSize(int size) {
        return new RecognizerSettings(size, extraSentences, setup, maxBufferedAudio, leadingSilence);
    }

    /** Adds sentences to the language-model corpus (keeps those already added). */
    public RecognizerSettings withExtraSentences(Collection<String> sentences) {
        List<String> all = new ArrayList<>(extraSentences);
        all.addAll(sentences);
        return new RecognizerSettings(poolSize, all, setup, maxBufferedAudio, leadingSilence);
    }

    public RecognizerSettings withSetup(RecognizerSetup other) {
        return new RecognizerSettings(poolSize, extraSentences, other, maxBufferedAudio, leadingSilence);
    }

    public RecognizerSettings withMaxBufferedAudio(Duration max) {
        return new RecognizerSettings(poolSize, extraSentences, setup, max, leadingSilence);
    }

    public RecognizerSettings withLeadingSilence(Duration silence) {
        return new RecognizerSettings(poolSize, extraSentences, setup, maxBufferedAudio, silence);
    }

    /** The sentences the domain language model is built from: the bundled corpus plus the extras. */
    public List<String> corpus() {
        List<String> all = new ArrayList<>(DomainLanguageModel.agentPhrases());
        all.addAll(extraSentences);
        return all;
    }
}
