package callsim.speech;

import edu.cmu.sphinx.frontend.BaseDataProcessor;
import edu.cmu.sphinx.frontend.Data;
import edu.cmu.sphinx.frontend.DataProcessingException;
import edu.cmu.sphinx.frontend.DoubleData;

/**
 * Cepstral mean normalisation that remembers each speaker: the front-end step that takes the line's and
 * the voice's colouring out of the features. Sphinx4's {@code LiveCMN} keeps one running mean per
 * recogniser and refreshes it only every 4 s of speech, so in a pool shared by many drills every turn
 * started with the previous speaker's mean (the first words of a drill were heard through the last
 * agent's voice). Here each drill's agent has a {@link SpeakerProfile} that travels with their turns to
 * whichever recogniser decodes them; a new speaker starts from the mean of phone speech in general
 * ({@link #PHONE_SPEECH_MEAN}) and moves to their own within about a second of speech.
 *
 * <p>The arithmetic follows {@code LiveCMN}: frames with negative energy (c0 &lt; 0) are not counted, the
 * sums decay to a 300-frame window once 400 frames are in.
 */
public final class SpeakerNormalizer extends BaseDataProcessor {
    /** Frames after which the sums are scaled back to {@link #WINDOW} (LiveCMN's shift window). */
    static final int SHIFT = 400;
    /** Frames the sums stand for after decaying (LiveCMN's window). */
    static final int WINDOW = 300;
    /** How many frames the prior counts for when a new speaker starts. */
    static final int PRIOR_FRAMES = 100;

    /**
     * Where a new speaker starts: the cepstral mean of 8 kHz speech averaged over nine voices (flite slt,
     * rms, awb and kal; espeak-ng en-us, en-gb, en-us+f3 and en-us+m3; the LibriVox reader of
     * pocketsphinx-testdata), three sentences each, measured through this front end. Any one voice is
     * within a few units of it, far nearer than the previous speaker on a shared recogniser may be.
     */
    static final double[] PHONE_SPEECH_MEAN = {41.35, 66.62, -77.62, 96.85, -65.93, 20.33, 12.48, -46.53, 43.94,
        -45.63, 35.09, -13.82, -4.27};

    private final SpeakerProfile ownProfile = new SpeakerProfile();
    private SpeakerProfile profile = ownProfile;

    /** The speaker of the next frames; null for the recogniser's own profile (priming, one-off recordings). */
    void use(SpeakerProfile speaker) {
        profile = speaker == null ? ownProfile : speaker;
    }

    @Override
    public Data getData() throws DataProcessingException {
        Data data = getPredecessor().getData();
        if (data instanceof DoubleData frame) profile.normalize(frame.getValues(), PHONE_SPEECH_MEAN);
        return data;
    }
}
