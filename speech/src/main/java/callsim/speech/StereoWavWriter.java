package callsim.speech;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a 16-bit stereo PCM WAV file as audio arrives (e.g. caller left, agent right).
 *
 * <p>The RIFF sizes are patched on {@link #close()} and also every {@value #HEADER_REFRESH_SECONDS}
 * second of audio, so a crashed process leaves a playable file missing at most that last second
 * ({@link #repair} recovers even that at the next start).
 * This does file I/O: feed it from a recorder thread, not from the 20 ms audio clock. Not
 * thread-safe.
 */
public final class StereoWavWriter implements AutoCloseable {
    static final int HEADER_REFRESH_SECONDS = 1;

    private final Path file;
    private final FileChannel channel;
    private final int sampleRate;
    private long dataBytes;
    private long bytesAtLastHeader;
    private boolean closed;

    private StereoWavWriter(Path file, FileChannel channel, int sampleRate) {
        this.file = file;
        this.channel = channel;
        this.sampleRate = sampleRate;
    }

    /** Creates (or truncates) {@code file} and writes a header for an empty recording. */
    public static StereoWavWriter open(Path file, int sampleRate) throws IOException {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        StereoWavWriter writer = new StereoWavWriter(file, channel, sampleRate);
        try {
            writer.writeHeader();
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return writer;
    }

    /** Appends one block of audio; {@code left} and {@code right} must have the same length. */
    public void append(short[] left, short[] right) throws IOException {
        if (closed) throw new IllegalStateException("recording " + file + " is closed");
        if (left.length != right.length) {
            throw new IllegalArgumentException("left and right differ in length: " + left.length + " vs " + right.length);
        }
        ByteBuffer frames = ByteBuffer.allocate(4 * left.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < left.length; i++) frames.putShort(left[i]).putShort(right[i]);
        frames.flip();
        while (frames.hasRemaining()) channel.write(frames, WavFile.HEADER_BYTES + dataBytes + frames.position());
        dataBytes += 4L * left.length;
        if (dataBytes - bytesAtLastHeader >= 4L * sampleRate * HEADER_REFRESH_SECONDS) writeHeader();
    }

    /**
     * After a crash: makes the header of a recording this class was writing cover all the audio on disk (a
     * whole number of stereo frames). Returns whether it changed anything.
     */
    public static boolean repair(Path file, int sampleRate) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long onDisk = channel.size() - WavFile.HEADER_BYTES;
            if (onDisk < 0) return false;
            long dataBytes = onDisk - onDisk % 4;
            ByteBuffer current = ByteBuffer.allocate(WavFile.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (current.hasRemaining() && channel.read(current, current.position()) >= 0) { /* whole header */ }
            if (current.getInt(40) == (int) dataBytes) return false;
            ByteBuffer header = ByteBuffer.allocate(WavFile.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            WavFile.putHeader(header, sampleRate, 2, dataBytes);
            header.flip();
            while (header.hasRemaining()) channel.write(header, header.position());
            return true;
        }
    }

    /** The left channel of a recording (the caller's in a drill). */
    public static final int LEFT = 0;
    /** The right channel of a recording (the agent's in a drill). */
    public static final int RIGHT = 1;

    /**
     * One channel ({@link #LEFT} or {@link #RIGHT}) of a recording this class wrote, up to its last whole
     * stereo frame on disk (a header left short by a crash is not trusted).
     *
     * @throws IOException if the file cannot be read or is not a 16-bit stereo recording of this kind
     */
    public static WavFile.Audio readChannel(Path file, int side) throws IOException {
        if (side != LEFT && side != RIGHT) throw new IllegalArgumentException("no channel " + side + " in a stereo recording");
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        if (bytes.length < WavFile.HEADER_BYTES) throw new IOException(file + ": not a recording: only " + bytes.length + " bytes");
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int channels = in.getShort(22);
        int sampleRate = in.getInt(24);
        int bits = in.getShort(34);
        if (in.getInt(0) != 0x46464952 || channels != 2 || bits != 16 || sampleRate <= 0) {
            throw new IOException(file + ": not a 16-bit stereo recording (" + channels + " channels, " + bits + " bits)");
        }
        int frames = (bytes.length - WavFile.HEADER_BYTES) / 4;
        short[] samples = new short[frames];
        for (int i = 0; i < frames; i++) samples[i] = in.getShort(WavFile.HEADER_BYTES + 4 * i + 2 * side);
        return new WavFile.Audio(sampleRate, 1, samples);
    }

    /** Milliseconds of audio written so far. */
    public long durationMs() {
        return dataBytes / 4 * 1000 / sampleRate;
    }

    /** Patches the header with the final sizes and closes the file. Idempotent. */
    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try (channel) {
            writeHeader();
        }
    }

    private void writeHeader() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(WavFile.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        WavFile.putHeader(header, sampleRate, 2, dataBytes);
        header.flip();
        while (header.hasRemaining()) channel.write(header, header.position());
        bytesAtLastHeader = dataBytes;
    }
}
