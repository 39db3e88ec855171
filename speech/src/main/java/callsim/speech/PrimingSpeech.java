package callsim.speech;

/**
 * Synthetic agent speech, at 8 kHz, run through every new recogniser once at start-up. A fresh
 * recogniser's cepstral mean normalisation starts from the model's wide-band defaults and loses the
 * first words of the first real turn, and the JIT has not yet compiled the decoder's hot paths, so
 * the first real turns would otherwise decode slower than real time.
 */
final class PrimingSpeech {
    /** About 7 s of speech: enough for the running mean to settle and the decoder to warm up. */
    static final String TEXT = "thank you for calling. let me check your account and see what i can do. "
            + "i am sorry about the trouble with your bill. i can refund the charge today.";

    private PrimingSpeech() {
    }

    /** Synthesises {@link #TEXT} with the caller's FreeTTS voice at 8 kHz, in a calm style. */
    static short[] synthesize8k() {
        return CallerVoice.load().speak8k(TEXT, VoiceStyle.forAnger(0, 100));
    }
}
