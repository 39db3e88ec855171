package callsim.telephony;

/**
 * ITU-T G.711 µ-law and A-law companding of 16-bit linear PCM, bit-exact with the ITU-T G.191
 * reference implementation (g711.c of the Software Tool Library). Pure functions; decoding goes
 * through 256-entry tables.
 */
public final class G711 {
    private static final int ULAW_BIAS = 0x84;
    private static final int ULAW_BIAS_14BIT = 33;
    private static final int ULAW_MAX_14BIT = 0x1FFF;
    private static final short[] ULAW_DECODE = new short[256];
    private static final short[] ALAW_DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_DECODE[code] = computeUlawToLinear(code);
            ALAW_DECODE[code] = computeAlawToLinear(code);
        }
    }

    private G711() {}

    /** Encodes one 16-bit sample to a µ-law byte (G.191 ulaw_compress). */
    public static byte linearToUlaw(short sample) {
        // one's complement for negatives, as the ITU reference does: -1..-4 encode as "-0"
        int magnitude = ((sample < 0 ? ~sample : sample) >> 2) + ULAW_BIAS_14BIT;
        if (magnitude > ULAW_MAX_14BIT) {
            magnitude = ULAW_MAX_14BIT;
        }
        int segment = 1;
        for (int rest = magnitude >> 6; rest != 0; rest >>= 1) {
            segment++;
        }
        int code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 0x0F));
        return (byte) (sample >= 0 ? code | 0x80 : code);
    }

    /** Decodes one µ-law byte to a 16-bit sample. */
    public static short ulawToLinear(byte code) {
        return ULAW_DECODE[code & 0xFF];
    }

    /** Encodes one 16-bit sample to an A-law byte (G.191 alaw_compress). */
    public static byte linearToAlaw(short sample) {
        int value = (sample < 0 ? ~sample : sample) >> 4;
        if (value > 15) {
            int exponent = 1;
            while (value > 16 + 15) {
                value >>= 1;
                exponent++;
            }
            value = value - 16 + (exponent << 4);
        }
        if (sample >= 0) {
            value |= 0x80;
        }
        return (byte) (value ^ 0x55);
    }

    /** Decodes one A-law byte to a 16-bit sample. */
    public static short alawToLinear(byte code) {
        return ALAW_DECODE[code & 0xFF];
    }

    public static byte[] encodeUlaw(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = linearToUlaw(samples[i]);
        }
        return out;
    }

    public static short[] decodeUlaw(byte[] codes) {
        return decodeUlaw(codes, 0, codes.length);
    }

    public static short[] decodeUlaw(byte[] codes, int offset, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = ULAW_DECODE[codes[offset + i] & 0xFF];
        }
        return out;
    }

    public static byte[] encodeAlaw(short[] samples) {
        byte[] out = new byte[samples.length];
        for (int i = 0; i < samples.length; i++) {
            out[i] = linearToAlaw(samples[i]);
        }
        return out;
    }

    public static short[] decodeAlaw(byte[] codes) {
        return decodeAlaw(codes, 0, codes.length);
    }

    public static short[] decodeAlaw(byte[] codes, int offset, int length) {
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALAW_DECODE[codes[offset + i] & 0xFF];
        }
        return out;
    }

    private static short computeUlawToLinear(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = ((inverted & 0x0F) << 3) + ULAW_BIAS;
        magnitude <<= (inverted & 0x70) >> 4;
        return (short) ((inverted & 0x80) != 0 ? ULAW_BIAS - magnitude : magnitude - ULAW_BIAS);
    }

    private static short computeAlawToLinear(int code) {
        int value = code ^ 0x55;
        int magnitude = (value & 0x0F) << 4;
        int segment = (value & 0x70) >> 4;
        switch (segment) {
            case 0 -> magnitude += 8;
            case 1 -> magnitude += 0x108;
            default -> {
                magnitude += 0x108;
                magnitude <<= segment - 1;
            }
        }
        return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
    }
}
