package callsim.speech;

import com.sun.speech.freetts.audio.AudioPlayer;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * A FreeTTS {@link AudioPlayer} that keeps the synthesised audio in memory instead of playing it
 * (the stock file players write files and print to stdout). Used by one {@link CallerVoice} under
 * its lock; {@link #clear()} before each utterance, {@link #samples()} after.
 */
final class MemoryAudioPlayer implements AudioPlayer {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private AudioFormat format = new AudioFormat(CallerVoice.NATIVE_RATE, 16, 1, true, true);
    private float volume = 1.0f;

    void clear() {
        bytes.reset();
    }

    int sampleRate() {
        return Math.round(format.getSampleRate());
    }

    /** The captured audio as native-order 16-bit mono samples, whatever the player's byte order. */
    short[] samples() {
        if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1
                || format.getEncoding() != AudioFormat.Encoding.PCM_SIGNED) {
            throw new IllegalStateException("FreeTTS produced unsupported audio " + format
                    + "; expected 16-bit signed mono PCM");
        }
        byte[] raw = bytes.toByteArray();
        short[] samples = new short[raw.length / 2];
        boolean bigEndian = format.isBigEndian();
        for (int i = 0; i < samples.length; i++) {
            int hi = bigEndian ? raw[2 * i] : raw[2 * i + 1];
            int lo = (bigEndian ? raw[2 * i + 1] : raw[2 * i]) & 0xFF;
            samples[i] = (short) ((hi << 8) | lo);
        }
        return samples;
    }

    @Override public void setAudioFormat(AudioFormat format) { this.format = format; }
    @Override public AudioFormat getAudioFormat() { return format; }
    @Override public boolean write(byte[] audio) { return write(audio, 0, audio.length); }

    @Override public boolean write(byte[] audio, int offset, int length) {
        bytes.write(audio, offset, length);
        return true;
    }

    // Playback control means nothing for an in-memory buffer.
    @Override public void pause() {}
    @Override public void resume() {}
    @Override public void reset() {}
    @Override public boolean drain() { return true; }
    @Override public void begin(int size) {}
    @Override public boolean end() { return true; }
    @Override public void cancel() {}
    @Override public void close() {}
    @Override public float getVolume() { return volume; }
    @Override public void setVolume(float volume) { this.volume = volume; }
    @Override public long getTime() { return 0; }
    @Override public void resetTime() {}
    @Override public void startFirstSampleTimer() {}
    @Override public void showMetrics() {}
}
