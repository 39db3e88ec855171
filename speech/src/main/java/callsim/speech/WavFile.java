package callsim.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads RIFF/WAVE files of the kinds found around telephony (PCM 8/16/24/32-bit, IEEE float 32,
 * G.711 µ-law and A-law, WAVE_FORMAT_EXTENSIBLE) into 16-bit mono, and writes 16-bit mono PCM.
 * Stereo recordings are written incrementally by {@link StereoWavWriter}.
 */
public final class WavFile {
    static final int FORMAT_PCM = 1;
    static final int FORMAT_IEEE_FLOAT = 3;
    static final int FORMAT_ALAW = 6;
    static final int FORMAT_MULAW = 7;
    static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private WavFile() {}

    /**
     * Decoded audio.
     *
     * @param sampleRate samples per second per channel
     * @param channels   channels in the file
     * @param samples    16-bit samples, mono: the file's channels mixed down (averaged)
     */
    public record Audio(int sampleRate, int channels, short[] samples) {
        public long durationMs() {
            return samples.length * 1000L / sampleRate;
        }
    }

    /** Reads a WAV file. Fails with a message naming the file and what is wrong with it. */
    public static Audio read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            return parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes 16-bit PCM mono, replacing any existing file. */
    public static void writeMono(Path file, int sampleRate, short[] samples) throws IOException {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + 2 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
        putHeader(buffer, sampleRate, 1, 2L * samples.length);
        for (short sample : samples) buffer.putShort(sample);
        Files.write(file, buffer.array());
    }

    static final int HEADER_BYTES = 44;

    /** Writes a canonical 44-byte PCM 16-bit header at the buffer's position. */
    static void putHeader(ByteBuffer buffer, int sampleRate, int channels, long dataBytes) {
        if (dataBytes > 0xFFFF_FFFFL - 36) throw new IllegalArgumentException("too much audio for a WAV file: " + dataBytes + " bytes");
        buffer.put(ascii("RIFF")).putInt((int) (36 + dataBytes)).put(ascii("WAVE"));
        buffer.put(ascii("fmt ")).putInt(16).putShort((short) FORMAT_PCM).putShort((short) channels)
                .putInt(sampleRate).putInt(sampleRate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        buffer.put(ascii("data")).putInt((int) dataBytes);
    }

    private static Audio parse(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 12) throw new IllegalArgumentException("not a WAV file: only " + bytes.length + " bytes");
        String riff = fourCc(in);
        in.getInt(); // RIFF size: often wrong in files from crashed or streaming writers, so not trusted
        String wave = fourCc(in);
        if (!riff.equals("RIFF") || !wave.equals("WAVE")) {
            throw new IllegalArgumentException("not a RIFF/WAVE file (starts with '" + riff + "' / '" + wave + "')");
        }
        WavFormat format = null;
        while (in.remaining() >= 8) {
            String id = fourCc(in);
            long size = Integer.toUnsignedLong(in.getInt());
            if (id.equals("data")) {
                if (format == null) throw new IllegalArgumentException("data chunk before the fmt chunk");
                if (size > in.remaining()) {
                    throw new IllegalArgumentException("truncated: data chunk declares " + size
                            + " bytes but only " + in.remaining() + " remain");
                }
                return format.decode(in.slice(in.position(), (int) size).order(ByteOrder.LITTLE_ENDIAN));
            }
            if (size > in.remaining()) {
                throw new IllegalArgumentException("truncated: '" + id + "' chunk declares " + size
                        + " bytes but only " + in.remaining() + " remain");
            }
            if (id.equals("fmt ")) format = WavFormat.parse(in.slice(in.position(), (int) size).order(ByteOrder.LITTLE_ENDIAN));
            // Other chunks (LIST, fact, cue, ...) are skipped; chunks are padded to even length.
            long next = in.position() + size + (size & 1);
            in.position((int) Math.min(next, in.limit()));
        }
        throw new IllegalArgumentException(format == null ? "no fmt chunk" : "no data chunk (file truncated?)");
    }

    private static String fourCc(ByteBuffer in) {
        byte[] id = new byte[4];
        in.get(id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(StandardCharsets.US_ASCII);
    }
}
