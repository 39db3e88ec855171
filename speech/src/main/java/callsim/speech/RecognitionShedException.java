package callsim.speech;

/**
 * A turn that was never recognised because every recogniser stayed busy (the pool is overloaded).
 * Its audio is still in the call's recording; only the live transcript lacks its words.
 */
public final class RecognitionShedException extends RuntimeException {
    public RecognitionShedException(String message) {
        super(message);
    }
}
