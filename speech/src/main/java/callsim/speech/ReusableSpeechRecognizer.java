package callsim.speech;

import callsim.core.DrillEvent;
import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.decoder.search.Token;
import edu.cmu.sphinx.frontend.filter.Dither;
import edu.cmu.sphinx.frontend.util.StreamDataSource;
import edu.cmu.sphinx.linguist.acoustic.tiedstate.Sphinx3Loader;
import edu.cmu.sphinx.result.WordResult;
import edu.cmu.sphinx.util.props.Configurable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sphinx4 recogniser that loads its models once and then decodes any number of audio streams,
 * one at a time. The stock {@code StreamSpeechRecognizer} allocates (reloads the language model and
 * rebuilds the search) on every {@code startRecognition}; this one only swaps the input stream, and
 * its front end keeps its cepstral-mean estimate from one stream to the next.
 *
 * <p>Not thread-safe: one stream at a time (the pool guarantees it).
 */
final class ReusableSpeechRecognizer extends AbstractSpeechRecognizer implements AutoCloseable {
    static final String ACOUSTIC_MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us";
    static final String DICTIONARY = "resource:" + PronunciationDictionary.RESOURCE;
    /** Phone audio is fed at its own rate: measured better than up-sampling to the model's 16 kHz. */
    static final int SAMPLE_RATE = 8000;
    static final int SAMPLES_PER_MS = SAMPLE_RATE / 1000;
    /**
     * The most speech a recognised word accounts for, per phone of its pronunciation (spoken English
     * averages about 80 ms): beyond it the decoder is stretching a word over sound it cannot place, as
     * it does with one short word over a burst of noise. Chosen with {@code bench/run confidence}
     * (BENCHMARKS.md (f)).
     */
    static final long MAX_WORD_MS_PER_PHONE = 120;
    /** A segment adapts the model to its speaker only if heard at least this clearly (as a turn is scored). */
    private static final double ADAPT_MIN_CONFIDENCE = DrillEvent.AgentTurn.HEARD_CLEARLY;

    private final StreamDataSource source;
    private final SpeakerNormalizer normalizer; // null in the first release's front end (Sphinx4's LiveCMN)
    private final Dither dither; // null in a front end without dither
    private final AdaptableMeans means; // null when the set-up does not adapt to speakers
    private final CatchUpActiveListFactory beam; // the search's state lists: narrower while a live turn is behind

    private ReusableSpeechRecognizer(Context context, RecognizerSetup setup) throws IOException {
        super(context);
        source = context.getInstance(StreamDataSource.class);
        normalizer = configured(context, SpeakerNormalizer.class) ? context.getInstance(SpeakerNormalizer.class) : null;
        dither = configured(context, Dither.class) ? context.getInstance(Dither.class) : null;
        beam = configured(context, CatchUpActiveListFactory.class) ? context.getInstance(CatchUpActiveListFactory.class) : null;
        recognizer.allocate(); // loads acoustic model, dictionary and LM; the expensive part, done once
        means = setup.speakerAdaptation() ? new AdaptableMeans((Sphinx3Loader) context.getLoader(),
            setup.channelPrior() ? ChannelPrior.bundled() : null) : null;
    }

    /**
     * Loads a recogniser.
     *
     * @param config a Sphinx4 configuration file, as {@link RecognizerSetup} writes it (it names the
     *               language model; the acoustic model, dictionary and sample rate are set here)
     * @param setup  the set-up the configuration was written for: whether turns with a speaker profile adapt the
     *               acoustic model to that speaker, and start from the phone line's prior
     */
    static ReusableSpeechRecognizer load(Path config, RecognizerSetup setup) throws IOException {
        Configuration configuration = new Configuration();
        configuration.setAcousticModelPath(ACOUSTIC_MODEL);
        configuration.setDictionaryPath(DICTIONARY);
        configuration.setSampleRate(SAMPLE_RATE);
        try {
            return new ReusableSpeechRecognizer(new Context(config.toUri().toString(), configuration), setup);
        } finally {
            SphinxLogging.quiet();
        }
    }

    /**
     * Decodes {@code audio} (8 kHz, 16-bit signed little-endian mono) until it ends, blocking the
     * calling thread, and returns the recognised words separated by single spaces with their
     * confidence (see {@link RecognizedTurn}). The audio's speaker profile, if it has one, is used and
     * updated: the cepstral mean, and the speaker adaptation from the segments heard clearly.
     */
    RecognizedTurn recognize(QueuedPcmStream audio) {
        SpeakerProfile speaker = audio.speaker();
        if (normalizer != null) normalizer.use(speaker);
        SpeakerAdaptation adaptation = means != null && speaker != null ? speaker.adaptation(means) : null;
        if (means != null) means.use(adaptation == null ? null : speaker.transform(means));
        restartDither(); // the same audio heard by the same speaker's profile gives the same words
        if (beam != null) beam.follow(audio::behindLiveMs);
        source.setInputStream(audio);
        List<String> segments = new ArrayList<>();
        long speechMs = 0;
        long wordMs = 0;
        // the front end's speech marker splits the stream at pauses: one result per speech segment
        for (SpeechResult result = getResult(); result != null; result = getResult()) {
            String words = result.getHypothesis().strip();
            if (!words.isEmpty()) segments.add(words);
            // The best path's word timings, fillers (silence, noise, breath) included, tile the segment.
            long segmentSpeechMs = 0;
            long segmentWordMs = 0;
            for (WordResult word : result.getResult().getTimedBestResult(true)) {
                long ms = word.getTimeFrame().length();
                segmentSpeechMs += ms;
                if (!word.isFiller()) segmentWordMs += Math.min(ms, MAX_WORD_MS_PER_PHONE * word.getPronunciation().getUnits().length);
            }
            speechMs += segmentSpeechMs;
            wordMs += segmentWordMs;
            // only speech heard clearly teaches the model the agent's voice: noise or another language would mislead it
            Token best = result.getResult().getBestToken();
            if (adaptation != null && speaker.learning() && best != null && !words.isEmpty()
                    && segmentWordMs >= ADAPT_MIN_CONFIDENCE * segmentSpeechMs) {
                adaptation.collect(best, means);
            }
        }
        double confidence = speechMs == 0 ? 0 : Math.min(1, (double) wordMs / speechMs);
        return new RecognizedTurn(String.join(" ", segments).replaceAll("\\s+", " "), confidence,
                beam == null ? 0 : beam.turnNarrowedShare());
    }

    /**
     * Restarts the front end's dither from its fixed seed: its random numbers otherwise run on from every
     * stream decoded before, so the same audio could decode differently on another recogniser or after
     * other turns (post-call transcripts, benches and tests must not).
     */
    private void restartDither() {
        if (dither != null) dither.initialize();
    }

    private static boolean configured(Context context, Class<? extends Configurable> component) {
        try {
            context.getInstance(component);
            return true;
        } catch (RuntimeException e) { // Sphinx4 throws when no component of the class is configured
            return false;
        }
    }

    /** Search steps this recogniser made narrower to catch up with live audio, since it loaded. */
    long narrowedSteps() {
        return beam == null ? 0 : beam.narrowedSteps();
    }

    @Override
    public void close() {
        recognizer.deallocate();
    }
}
