package callsim.speech;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.frontend.filter.Dither;
import edu.cmu.sphinx.frontend.util.StreamDataSource;
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

    private final StreamDataSource source;
    private final SpeakerNormalizer normalizer; // null in the first release's front end (Sphinx4's LiveCMN)
    private final Dither dither; // null in a front end without dither

    private ReusableSpeechRecognizer(Context context) throws IOException {
        super(context);
        source = context.getInstance(StreamDataSource.class);
        normalizer = usesSpeakerNormalizer(context) ? context.getInstance(SpeakerNormalizer.class) : null;
        dither = configured(context, Dither.class) ? context.getInstance(Dither.class) : null;
        recognizer.allocate(); // loads acoustic model, dictionary and LM; the expensive part, done once
    }

    /**
     * Loads a recogniser.
     *
     * @param config a Sphinx4 configuration file, as {@link RecognizerSetup} writes it (it names the
     *               language model; the acoustic model, dictionary and sample rate are set here)
     */
    static ReusableSpeechRecognizer load(Path config) throws IOException {
        Configuration configuration = new Configuration();
        configuration.setAcousticModelPath(ACOUSTIC_MODEL);
        configuration.setDictionaryPath(DICTIONARY);
        configuration.setSampleRate(SAMPLE_RATE);
        try {
            return new ReusableSpeechRecognizer(new Context(config.toUri().toString(), configuration));
        } finally {
            SphinxLogging.quiet();
        }
    }

    /**
     * Decodes {@code audio} (8 kHz, 16-bit signed little-endian mono) until it ends, blocking the
     * calling thread, and returns the recognised words separated by single spaces. The audio's speaker
     * profile, if it has one, is used and updated for the cepstral mean.
     */
    String recognize(QueuedPcmStream audio) {
        if (normalizer != null) normalizer.use(audio.speaker());
        source.setInputStream(audio);
        List<String> segments = new ArrayList<>();
        // the front end's speech marker splits the stream at pauses: one result per speech segment
        for (SpeechResult result = getResult(); result != null; result = getResult()) {
            String words = result.getHypothesis().strip();
            if (!words.isEmpty()) segments.add(words);
        }
        return String.join(" ", segments).replaceAll("\\s+", " ");
    }

    /**
     * Restarts the front end's dither from its fixed seed: its random numbers otherwise run on from every
     * stream decoded before, so the same audio could decode differently (post-call transcripts must not).
     */
    void restartDither() {
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

    private static boolean usesSpeakerNormalizer(Context context) {
        try {
            context.getInstance(SpeakerNormalizer.class);
            return true;
        } catch (RuntimeException e) { // Sphinx4 throws when no component of the class is configured
            return false;
        }
    }

    @Override
    public void close() {
        recognizer.deallocate();
    }
}
