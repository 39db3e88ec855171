package callsim.speech;

import java.nio.ByteBuffer;

/** The "fmt " chunk of a WAV file, and decoding of its data chunk to 16-bit mono. */
record WavFormat(int formatTag, int channels, int sampleRate, int blockAlign, int bitsPerSample) {

    static WavFormat parse(ByteBuffer fmt) {
        if (fmt.remaining() < 16) throw new IllegalArgumentException("fmt chunk too short: " + fmt.remaining() + " bytes");
        int tag = Short.toUnsignedInt(fmt.getShort());
        int channels = Short.toUnsignedInt(fmt.getShort());
        int sampleRate = fmt.getInt();
        fmt.getInt(); // byte rate: derivable, not trusted
        int blockAlign = Short.toUnsignedInt(fmt.getShort());
        int bits = Short.toUnsignedInt(fmt.getShort());
        if (tag == WavFile.FORMAT_EXTENSIBLE) {
            // cbSize(2) validBits(2) channelMask(4) then a GUID whose first two bytes are the real tag.
            if (fmt.remaining() < 10) throw new IllegalArgumentException("WAVE_FORMAT_EXTENSIBLE fmt chunk too short");
            fmt.position(fmt.position() + 8);
            tag = Short.toUnsignedInt(fmt.getShort());
        }
        WavFormat format = new WavFormat(tag, channels, sampleRate, blockAlign, bits);
        format.validate();
        return format;
    }

    private void validate() {
        String name = switch (formatTag) {
            case WavFile.FORMAT_PCM -> bitsPerSample == 8 || bitsPerSample == 16 || bitsPerSample == 24 || bitsPerSample == 32 ? null : "PCM";
            case WavFile.FORMAT_IEEE_FLOAT -> bitsPerSample == 32 ? null : "IEEE float";
            case WavFile.FORMAT_ALAW, WavFile.FORMAT_MULAW -> bitsPerSample == 8 ? null : "G.711";
            default -> throw new IllegalArgumentException("unsupported format tag " + formatTag
                    + " (supported: PCM 1, IEEE float 3, A-law 6, µ-law 7, extensible 0xFFFE)");
        };
        if (name != null) throw new IllegalArgumentException("unsupported " + name + " sample size " + bitsPerSample + " bits");
        if (channels < 1) throw new IllegalArgumentException("channel count must be at least 1, was " + channels);
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, was " + sampleRate);
        if (blockAlign != channels * bitsPerSample / 8) {
            throw new IllegalArgumentException("block align " + blockAlign + " does not match " + channels
                    + " channels of " + bitsPerSample + " bits");
        }
    }

    /** Decodes whole frames (a trailing partial frame is dropped), mixing channels down to mono. */
    WavFile.Audio decode(ByteBuffer data) {
        int frames = data.remaining() / blockAlign;
        short[] mono = new short[frames];
        for (int f = 0; f < frames; f++) {
            long sum = 0;
            for (int c = 0; c < channels; c++) sum += sample(data);
            mono[f] = (short) Math.round((double) sum / channels);
        }
        return new WavFile.Audio(sampleRate, channels, mono);
    }

    private int sample(ByteBuffer data) {
        return switch (formatTag) {
            case WavFile.FORMAT_PCM -> switch (bitsPerSample) {
                case 8 -> ((data.get() & 0xFF) - 128) << 8; // 8-bit WAV is unsigned
                case 16 -> data.getShort();
                case 24 -> { // keep the top 16 of 24 bits
                    data.get();
                    yield data.getShort();
                }
                default -> data.getInt() >> 16;
            };
            case WavFile.FORMAT_IEEE_FLOAT -> {
                float value = data.getFloat();
                if (Float.isNaN(value)) yield 0;
                yield (int) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(value * 32767.0)));
            }
            case WavFile.FORMAT_MULAW -> muLaw(data.get());
            case WavFile.FORMAT_ALAW -> aLaw(data.get());
            default -> throw new IllegalStateException("validated format " + formatTag);
        };
    }

    /** ITU-T G.711 µ-law expansion to 16-bit linear. */
    static int muLaw(byte code) {
        int u = ~code & 0xFF;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << ((u & 0x70) >> 4)) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }

    /** ITU-T G.711 A-law expansion to 16-bit linear. */
    static int aLaw(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a & 0x70) >> 4;
        int magnitude = ((a & 0x0F) << 4) + 8;
        if (exponent > 0) magnitude = (magnitude + 0x100) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
