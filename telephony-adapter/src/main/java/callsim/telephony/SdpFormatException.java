package callsim.telephony;

/** An SDP body we cannot read (garbled lines, no audio stream, no connection address). */
public final class SdpFormatException extends IllegalArgumentException {
    public SdpFormatException(String message) {
        super(message);
    }
}
