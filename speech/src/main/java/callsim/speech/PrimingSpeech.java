package callsim.speech;

import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;
import java.io.ByteArrayOutputStream;
import javax.sound.sampled.AudioFormat;

/**
 * A short synthetic agent utterance, at 8 kHz, to run through every new recogniser once: a fresh
 * recogniser's cepstral mean normalisation starts from the model's wide-band defaults and loses the
 * first words of the first real turn.
 */
final class PrimingSpeech {
    /** About 3.5 s of speech: enough for the running mean to leave its defaults, short to decode at start-up. */
    static final String TEXT = "thank you for calling. let me check your account and see what i can do.";

    private PrimingSpeech() {
    }

    /** Synthesises {@link #TEXT} with FreeTTS (kevin16) and converts it to 8 kHz. */
    static short[] synthesize8k() {
        Voice voice = null;
        for (Voice candidate : new KevinVoiceDirectory().getVoices()) {
            if (candidate.getName().equals("kevin16")) voice = candidate;
        }
        if (voice == null) throw new IllegalStateException("FreeTTS voice kevin16 not found");
        CapturingPlayer player = new CapturingPlayer();
        voice.setAudioPlayer(player);
        voice.allocate();
        try {
            if (!voice.speak(TEXT)) throw new IllegalStateException("FreeTTS could not speak the priming text");
        } finally {
            voice.deallocate();
        }
        return PcmRateConverter.convert(player.samples(), Math.round(player.format.getSampleRate()),
            ReusableSpeechRecognizer.SAMPLE_RATE);
    }

    /** Collects FreeTTS output in memory (the stock players play it or write files and print). */
    private static final class CapturingPlayer implements AudioPlayer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private AudioFormat format = new AudioFormat(16000, 16, 1, true, true);

        short[] samples() {
            byte[] b = bytes.toByteArray();
            if (format.getSampleSizeInBits() != 16 || format.getChannels() != 1) {
                throw new IllegalStateException("unexpected FreeTTS format " + format);
            }
            short[] pcm = new short[b.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                int hi = format.isBigEndian() ? b[2 * i] : b[2 * i + 1];
                int lo = format.isBigEndian() ? b[2 * i + 1] : b[2 * i];
                pcm[i] = (short) ((hi << 8) | (lo & 0xff));
            }
            return pcm;
        }

        @Override public void setAudioFormat(AudioFormat audioFormat) { format = audioFormat; }
        @Override public AudioFormat getAudioFormat() { return format; }
        @Override public void pause() { }
        @Override public void resume() { }
        @Override public void reset() { }
        @Override public boolean drain() { return true; }
        @Override public void begin(int size) { }
        @Override public boolean end() { return true; }
        @Override public void cancel() { }
        @Override public void close() { }
        @Override public float getVolume() { return 1f; }
        @Override public void setVolume(float volume) { }
        @Override public long getTime() { return 0; }
        @Override public void resetTime() { }
        @Override public void startFirstSampleTimer() { }
        @Override public boolean write(byte[] audioData) { return write(audioData, 0, audioData.length); }
        @Override public boolean write(byte[] audioData, int offset, int size) {
            bytes.write(audioData, offset, size);
            return true;
        }
        @Override public void showMetrics() { }
    }
}
