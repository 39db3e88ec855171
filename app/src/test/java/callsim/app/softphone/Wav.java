package callsim.app.softphone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * 16-bit mono PCM WAV files: reading tolerant of linphone's recorder (whose header claims 44 bytes
 * more data than the file holds) and writing plain files.
 *
 * @param sampleRate samples per second
 * @param samples    the PCM samples
 */
public record Wav(int sampleRate, short[] samples) {

    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / sampleRate);
    }

    public static Wav read(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.remaining() < 12 || bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
            throw new IOException("not a RIFF/WAVE file: " + file);
        }
        int position = 12;
        int sampleRate = 0;
        while (position + 8 <= bytes.limit()) {
            int chunkId = bytes.getInt(position);
            int chunkSize = bytes.getInt(position + 4);
            int body = position + 8;
            if (chunkId == 0x20746d66) { // "fmt "
                int format = bytes.getShort(body) & 0xffff;
                int channels = bytes.getShort(body + 2);
                sampleRate = bytes.getInt(body + 4);
                int bits = bytes.getShort(body + 14);
                if (format != 1 || channels != 1 || bits != 16) {
                    throw new IOException(file + ": need 16-bit mono PCM, found format " + format
                            + ", " + channels + " channels, " + bits + " bits");
                }
            } else if (chunkId == 0x61746164) { // "data"
                if (sampleRate == 0) {
                    throw new IOException(file + ": data chunk before fmt chunk");
                }
                int available = Math.min(chunkSize < 0 ? Integer.MAX_VALUE : chunkSize, bytes.limit() - body);
                short[] samples = new short[available / 2];
                bytes.position(body);
                bytes.asShortBuffer().get(samples);
                return new Wav(sampleRate, samples);
            }
            position = body + chunkSize + (chunkSize & 1);
        }
        throw new IOException(file + ": no data chunk");
    }

    public void write(Path file) throws IOException {
        int dataBytes = samples.length * 2;
        ByteBuffer out = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + dataBytes).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        out.putInt(0x61746164).putInt(dataBytes);
        out.asShortBuffer().put(samples);
        Files.write(file, out.array());
    }
}
