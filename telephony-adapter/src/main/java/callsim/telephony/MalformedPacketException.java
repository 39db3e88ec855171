package callsim.telephony;

/** Bytes that do not form a valid packet of the expected protocol (RTP, RFC 4733 event). */
public final class MalformedPacketException extends IllegalArgumentException {
    public MalformedPacketException(String message) {
        super(message);
    }
}
