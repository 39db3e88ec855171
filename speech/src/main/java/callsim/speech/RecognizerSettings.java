package callsim.speech;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How the {@link RecognizerPool} builds its recognisers.
 *
 * @param poolSize             recognisers to load; each decodes one turn at a time and costs about
 *                             100 MB of heap and 13-15 s to load and prime on a 2-core machine
 *                             (BENCHMARKS.md, bench/run startup)
 * @param extraSentences       sentences added to the bundled agent phrase corpus before the
 *                             domain language model is built (e.g. a scenario's wording)
 * @param genericLanguageModel use Sphinx4's general English model (en-us.lm.bin) instead of the
 *                             domain model: wider vocabulary, markedly worse on agent phrases, slower
 * @param maxBufferedAudio     audio a session may hold before decoding catches up; beyond it
 *                             {@link RecognitionSession#feed} drops frames (and counts them)
 * @param leadingSilence       quiet audio put before every turn (speech from the very first sample
 *                             is recognised much worse); also appended, shorter, after it
 */
public record RecognizerSettings(int poolSize, List<String> extraSentences, boolean genericLanguageModel,
                                 Duration maxBufferedAudio, Duration leadingSilence) {
    public RecognizerSettings {
        if (poolSize < 1) throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        if (extraSentences == null) throw new IllegalArgumentException("extraSentences must not be null");
        extraSentences = List.copyOf(extraSentences);
        if (maxBufferedAudio == null || maxBufferedAudio.toMillis() < 100) {
            throw new IllegalArgumentException("maxBufferedAudio must be at least 100 ms: " + maxBufferedAudio);
        }
        if (leadingSilence == null || leadingSilence.isNegative() || leadingSilence.toMillis() > 2000) {
            throw new IllegalArgumentException("leadingSilence must be 0-2000 ms: " + leadingSilence);
        }
    }

    /**
     * Default pool size: one recogniser per core, at most 4 (2 on a 2-core machine). A recogniser
     * decodes on one thread at about 0.5-1.1x real time on phone audio (BENCHMARKS.md), so more recognisers than cores add heap but not
     * throughput; 2 lets the next agent turn start while the previous one is still being decoded.
     */
    public static int defaultPoolSize() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Domain language model, default pool size, 60 s of buffer, 300 ms of lead-in. */
    public static RecognizerSettings defaults() {
        return new RecognizerSettings(defaultPoolSize(), List.of(), false, Duration.ofSeconds(60),
            Duration.ofMillis(300));
    }

    public RecognizerSettings withPoolSize(int size) {
        return new RecognizerSettings(size, extraSentences, genericLanguageModel, maxBufferedAudio, leadingSilence);
    }

    /** Adds sentences to the language-model corpus (keeps those already added). */
    public RecognizerSettings withExtraSentences(Collection<String> sentences) {
        List<String> all = new ArrayList<>(extraSentences);
        all.addAll(sentences);
        return new RecognizerSettings(poolSize, all, genericLanguageModel, maxBufferedAudio, leadingSilence);
    }

    public RecognizerSettings withGenericLanguageModel(boolean generic) {
        return new RecognizerSettings(poolSize, extraSentences, generic, maxBufferedAudio, leadingSilence);
    }

    public RecognizerSettings withMaxBufferedAudio(Duration max) {
        return new RecognizerSettings(poolSize, extraSentences, genericLanguageModel, max, leadingSilence);
    }

    public RecognizerSettings withLeadingSilence(Duration silence) {
        return new RecognizerSettings(poolSize, extraSentences, genericLanguageModel, maxBufferedAudio, silence);
    }

    /** The sentences the domain language model is built from: the bundled corpus plus the extras. */
    public List<String> corpus() {
        List<String> all = new ArrayList<>(DomainLanguageModel.agentPhrases());
        all.addAll(extraSentences);
        return all;
    }
}
