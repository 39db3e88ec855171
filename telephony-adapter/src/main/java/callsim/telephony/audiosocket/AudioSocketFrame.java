package callsim.telephony.audiosocket;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One AudioSocket message: a kind and its raw payload. The factories build valid frames; the typed
 * accessors ({@link #uuid()}, {@link #digit()}, {@link #samples()}, {@link #errorCode()}) read them.
 */
public record AudioSocketFrame(Kind kind, byte[] payload) {

    /** Message types Asterisk 20-22 use on the wire, with the payload sizes each allows. */
    public enum Kind {
        HANG_UP(0x00, 0, 0),
        UUID(0x01, 16, 16),
        DTMF(0x03, 1, 1),
        /** Signed linear 16-bit little-endian, 8 kHz mono. */
        AUDIO(0x10, 0, 8192),
        /** Payload: the optional one-byte error code. */
        ERROR(0xff, 0, 1);

        private final int type;
        private final int minPayload;
        private final int maxPayload;

        Kind(int type, int minPayload, int maxPayload) {
            this.type = type;
            this.minPayload = minPayload;
            this.maxPayload = maxPayload;
        }

        /** The type byte on the wire (0..255). */
        public int type() {
            return type;
        }

        public int minPayload() {
            return minPayload;
        }

        public int maxPayload() {
            return maxPayload;
        }

        /** The kind for a type byte, or a protocol exception naming the type. */
        public static Kind ofType(int type) {
            for (Kind kind : values()) {
                if (kind.type == type) {
                    return kind;
                }
            }
            if (type >= 0x11 && type <= 0x18) {
                // Newer Asterisk sends these for higher-rate signed linear; the drill pipeline is 8 kHz.
                throw new AudioSocketProtocolException(String.format(
                        "AudioSocket type 0x%02x (signed linear above 8 kHz) is not supported: send 8 kHz slin, type 0x10", type));
            }
            throw new AudioSocketProtocolException(String.format("unknown AudioSocket message type 0x%02x", type));
        }

        /** Throws a protocol exception when {@code length} does not fit this kind. */
        public void checkLength(int length) {
            if (length > maxPayload) {
                throw new AudioSocketProtocolException(String.format(
                        "AudioSocket %s message (type 0x%02x) with length %d exceeds the maximum of %d bytes", this, type, length, maxPayload));
            }
            if (length < minPayload) {
                throw new AudioSocketProtocolException(String.format(
                        "AudioSocket %s message (type 0x%02x) with length %d is shorter than the %d bytes it needs", this, type, length, minPayload));
            }
            if (this == AUDIO && length % 2 != 0) {
                throw new AudioSocketProtocolException(String.format(
                        "AudioSocket AUDIO message (type 0x10) with length %d is not whole 16-bit samples", length));
            }
        }
    }

    public AudioSocketFrame {
        if (kind == null || payload == null) {
            throw new IllegalArgumentException("a frame needs a kind and a payload");
        }
        kind.checkLength(payload.length);
        payload = payload.clone();
    }

    public static AudioSocketFrame hangUp() {
        return new AudioSocketFrame(Kind.HANG_UP, new byte[0]);
    }

    public static AudioSocketFrame uuid(UUID id) {
        return new AudioSocketFrame(Kind.UUID, AudioSocketCodec.uuidToBytes(id));
    }

    public static AudioSocketFrame dtmf(char digit) {
        if (digit > 0x7f) {
            throw new IllegalArgumentException("a DTMF digit is one ASCII character, got '" + digit + "'");
        }
        return new AudioSocketFrame(Kind.DTMF, new byte[] {(byte) digit});
    }

    /** Audio frame; Asterisk drops the call on an empty one, so at least one sample is required. */
    public static AudioSocketFrame audio(short[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("an audio frame needs at least one sample");
        }
        return new AudioSocketFrame(Kind.AUDIO, AudioSocketCodec.samplesToLittleEndian(samples));
    }

    public static AudioSocketFrame error(int code) {
        if (code < 0 || code > 0xff) {
            throw new IllegalArgumentException("an AudioSocket error code is one byte, got " + code);
        }
        return new AudioSocketFrame(Kind.ERROR, new byte[] {(byte) code});
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    public UUID uuid() {
        expect(Kind.UUID);
        return AudioSocketCodec.uuidFromBytes(payload);
    }

    public char digit() {
        expect(Kind.DTMF);
        return (char) (payload[0] & 0xff);
    }

    public short[] samples() {
        expect(Kind.AUDIO);
        return AudioSocketCodec.samplesFromLittleEndian(payload);
    }

    /** The error code, or -1 when the error frame carried none. */
    public int errorCode() {
        expect(Kind.ERROR);
        return payload.length == 0 ? -1 : payload[0] & 0xff;
    }

    private void expect(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException("a " + kind + " frame has no " + wanted + " payload");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AudioSocketFrame frame && frame.kind == kind && Arrays.equals(frame.payload, payload);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String shown = payload.length <= 16 ? HexFormat.of().formatHex(payload) : payload.length + " bytes";
        return kind + "[" + shown + "]";
    }
}
