package callsim.telephony.audiosocket;

/** Bytes that break the AudioSocket protocol: unknown type, impossible length, bad payload. */
public final class AudioSocketProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AudioSocketProtocolException(String message) {
        super(message);
    }
}
