package callsim.speech;

import edu.cmu.sphinx.api.AbstractSpeechRecognizer;
import edu.cmu.sphinx.api.Configuration;
import edu.cmu.sphinx.api.Context;
import edu.cmu.sphinx.api.SpeechResult;
import edu.cmu.sphinx.frontend.util.StreamDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
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
    static final String GENERIC_LANGUAGE_MODEL = "resource:/edu/cmu/sphinx/models/en-us/en-us.lm.bin";
    /** Phone audio is fed at its own rate: measured better than up-sampling to the model's 16 kHz. */
    static final int SAMPLE_RATE = 8000;
    private static final String CONFIG = "recognizer.config.xml";

    private final StreamDataSource source;

    private ReusableSpeechRecognizer(Context context) throws IOException {
        super(context);
        source = context.getInstance(StreamDataSource.class);
        recognizer.allocate(); // loads acoustic model, dictionary and LM; the expensive part, done once
    }

    /**
     * Loads a recogniser.
     *
     * @param languageModel an ARPA ".lm" file location or {@link #GENERIC_LANGUAGE_MODEL}
     */
    static ReusableSpeechRecognizer load(String languageModel) throws IOException {
        Configuration configuration = new Configuration();
        configuration.setAcousticModelPath(ACOUSTIC_MODEL);
        configuration.setDictionaryPath(DICTIONARY);
        configuration.setLanguageModelPath(languageModel);
        configuration.setSampleRate(SAMPLE_RATE);
        URL config = ReusableSpeechRecognizer.class.getResource(CONFIG);
        if (config == null) throw new IllegalStateException("missing resource " + CONFIG);
        try {
            return new ReusableSpeechRecognizer(new Context(config.toString(), configuration));
        } finally {
            SphinxLogging.quiet();
        }
    }

    /**
     * Decodes {@code audio} (8 kHz, 16-bit signed little-endian mono) until it ends, blocking the
     * calling thread, and returns the recognised words separated by single spaces.
     */
    String recognize(InputStream audio) {
        source.setInputStream(audio);
        List<String> segments = new ArrayList<>();
        // the front end's speech marker splits the stream at pauses: one result per speech segment
        for (SpeechResult result = getResult(); result != null; result = getResult()) {
            String words = result.getHypothesis().strip();
            if (!words.isEmpty()) segments.add(words);
        }
        return String.join(" ", segments).replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        recognizer.deallocate();
    }
}
