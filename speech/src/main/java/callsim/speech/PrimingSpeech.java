package callsim.speech;

/**
 * Synthetic agent speech, at 8 kHz, run through every new recogniser once at start-up. A fresh
 * recogniser's cepstral mean normalisation starts from the model's wide-band defaults and loses the
 * first words of the first real turn, and the JIT has not yet compiled the decoder's hot paths, so
 * the first real turns would otherwise decode slower than real time.
 */
final class PrimingSpeech {
    /**
     * About 4 s of speech: the cepstral mean needs its first 200 frames (2 s) to settle. The JIT warms up
     * for the whole JVM on the first recognisers; longer priming only delayed start-up (BENCHMARKS (e)).
     */
    static final String TEXT = "thank you for calling. let me check your account. "
            + "i am sorry about the trouble with your bill.";

    private PrimingSpeech() {
    }

    /** Synthesises {@link #TEXT} with the caller's FreeTTS voice at 8 kHz, in a calm style. */
    static short[] synthesize8k() {
        return CallerVoice.load().speak8k(TEXT, VoiceStyle.forAnger(0, 100));
    }
}
