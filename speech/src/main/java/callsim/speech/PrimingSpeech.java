package callsim.speech;

/**
 * Synthetic agent speech, at 8 kHz, run through every new recogniser once at start-up, so the first real
 * turns do not pay for the JIT compiling the decoder's hot paths and the recogniser filling its lazily built
 * search structures. Sphinx4's own front end also needs it for its cepstral mean, which starts from the
 * model's wide-band defaults and loses the first words of the first real turn; the phone front end starts
 * each speaker from the mean of phone speech ({@link SpeakerNormalizer}) and does not.
 */
final class PrimingSpeech {
    /**
     * About 2 s of speech: enough for the JIT, which warms up once for the whole JVM; every second more is a
     * second more before speech is ready (BENCHMARKS (e)).
     */
    static final String SHORT = "thank you for calling. let me check your account.";
    /** About 4 s: Sphinx4's own cepstral mean needs its first 200 frames (2 s) to settle. */
    static final String FOR_CEPSTRAL_MEAN = SHORT + " i am sorry about the trouble with your bill.";

    private PrimingSpeech() {
    }

    /** The priming speech for recognisers of {@code setup}, in the caller's FreeTTS voice at 8 kHz, calm. */
    static short[] synthesize8k(RecognizerSetup setup) {
        String text = setup.phoneFrontEnd() ? SHORT : FOR_CEPSTRAL_MEAN;
        return CallerVoice.load().speak8k(text, VoiceStyle.forAnger(0, 100));
    }
}
