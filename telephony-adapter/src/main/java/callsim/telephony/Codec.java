package callsim.telephony;

/** The audio codecs this adapter speaks: G.711 with its static RTP payload types (RFC 3551). */
public enum Codec {
    PCMU(0),
    PCMA(8);

    /** Samples per second of both G.711 variants. */
    public static final int SAMPLE_RATE = 8000;

    private final int staticPayloadType;

    Codec(int staticPayloadType) {
        this.staticPayloadType = staticPayloadType;
    }

    public int staticPayloadType() {
        return staticPayloadType;
    }

    public byte[] encode(short[] samples) {
        return this == PCMU ? G711.encodeUlaw(samples) : G711.encodeAlaw(samples);
    }

    public short[] decode(byte[] payload, int offset, int length) {
        return this == PCMU ? G711.decodeUlaw(payload, offset, length) : G711.decodeAlaw(payload, offset, length);
    }

    /** The codec for an encoding name from an rtpmap line ("PCMU", "pcma"), or null when unknown. */
    static Codec byEncodingName(String name) {
        for (Codec codec : values()) {
            if (codec.name().equalsIgnoreCase(name)) {
                return codec;
            }
        }
        return null;
    }
}
