package callsim.telephony;

/**
 * A telephone-event payload (RFC 4733 section 2.3): event code, end bit, volume and duration in
 * timestamp units. All packets of one key press carry the same RTP timestamp; see {@link DtmfDetector}.
 */
public record Rfc4733Event(int eventCode, boolean end, int volume, int duration) {
    public static final int PAYLOAD_BYTES = 4;
    private static final String DIGITS = "0123456789*#ABCD";

    public Rfc4733Event {
        if (eventCode < 0 || eventCode > 255) {
            throw new IllegalArgumentException("event code must be 0..255, was " + eventCode);
        }
        if (volume < 0 || volume > 63) {
            throw new IllegalArgumentException("volume must be 0..63, was " + volume);
        }
        if (duration < 0 || duration > 0xFFFF) {
            throw new IllegalArgumentException("duration must be 0..65535, was " + duration);
        }
    }

    /** The event for a DTMF key (0-9, *, #, A-D). */
    public static Rfc4733Event forDigit(char digit, boolean end, int volume, int duration) {
        int code = DIGITS.indexOf(Character.toUpperCase(digit));
        if (code < 0) {
            throw new IllegalArgumentException("not a DTMF digit: '" + digit + "'");
        }
        return new Rfc4733Event(code, end, volume, duration);
    }

    /** @throws MalformedPacketException when fewer than 4 payload bytes are given */
    public static Rfc4733Event parse(byte[] payload, int offset, int length) {
        if (length < PAYLOAD_BYTES || offset + PAYLOAD_BYTES > payload.length) {
            throw new MalformedPacketException("telephone-event payload needs 4 bytes, got " + length);
        }
        int flags = payload[offset + 1] & 0xFF;
        return new Rfc4733Event(
                payload[offset] & 0xFF,
                (flags & 0x80) != 0,
                flags & 0x3F,
                ((payload[offset + 2] & 0xFF) << 8) | (payload[offset + 3] & 0xFF));
    }

    public static Rfc4733Event parse(byte[] payload) {
        return parse(payload, 0, payload.length);
    }

    public byte[] toBytes() {
        return new byte[] {
            (byte) eventCode, (byte) ((end ? 0x80 : 0) | volume), (byte) (duration >> 8), (byte) duration
        };
    }

    /** True for the 16 DTMF events; other codes (fax tones, etc.) are not key presses. */
    public boolean isDtmf() {
        return eventCode < DIGITS.length();
    }

    /** The key (0-9, *, #, A-D). @throws IllegalStateException for non-DTMF events */
    public char digit() {
        if (!isDtmf()) {
            throw new IllegalStateException("event " + eventCode + " is not a DTMF digit");
        }
        return DIGITS.charAt(eventCode);
    }
}
