package callsim.speech;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Test speech: espeak-ng sentences as they arrive over a phone line (8 kHz, G.711 µ-law). */
final class SyntheticPhoneSpeech {
    private SyntheticPhoneSpeech() {
    }

    /** 16-bit mono samples and their rate. */
    record Pcm(short[] samples, int sampleRate) {
        double seconds() {
            return samples.length / (double) sampleRate;
        }
    }

    /** espeak-ng's own output (22050 Hz). */
    static Pcm espeak(String text, Path workDir) throws IOException, InterruptedException {
        return espeak(text, "en-us", workDir);
    }

    /** espeak-ng's own output in one of its voices ("en-us", "de", "fr"). */
    static Pcm espeak(String text, String voice, Path workDir) throws IOException, InterruptedException {
        Path wav = Files.createTempFile(workDir, "espeak-", ".wav");
        run(List.of("espeak-ng", "-v", voice, "-s", "150", "-w", wav.toString(), text));
        return readWav(Files.readAllBytes(wav));
    }

    /** A flite voice ("slt", "rms": 16 kHz), as a closer stand-in for a person than espeak-ng. */
    static Pcm flite(String text, String voice, Path workDir) throws IOException, InterruptedException {
        Path wav = Files.createTempFile(workDir, "flite-", ".wav");
        run(List.of("flite", "-voice", voice, "-t", text, "-o", wav.toString()));
        return readWav(Files.readAllBytes(wav));
    }

    /** espeak-ng speech down-sampled to 8 kHz and passed through a µ-law encode/decode. */
    static Pcm phoneLine(String text, Path workDir) throws IOException, InterruptedException {
        return phoneLine(espeak(text, workDir));
    }

    /** Any audio as a phone line carries it: 8 kHz, through a µ-law encode/decode. */
    static Pcm phoneLine(Pcm wide) {
        short[] narrow = PcmRateConverter.convert(wide.samples(), wide.sampleRate(), 8000);
        for (int i = 0; i < narrow.length; i++) narrow[i] = MuLaw.decode(MuLaw.encode(narrow[i]));
        return new Pcm(narrow, 8000);
    }

    static boolean fliteAvailable() {
        try {
            Process p = new ProcessBuilder("flite", "-lv").redirectErrorStream(true).start();
            String voices = new String(p.getInputStream().readAllBytes());
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && voices.contains("slt");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command.get(0) + " did not finish");
        }
        if (process.exitValue() != 0) throw new IOException(command.get(0) + " failed with " + process.exitValue());
    }

    static boolean espeakAvailable() {
        try {
            Process p = new ProcessBuilder("espeak-ng", "--version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Pcm readWav(byte[] bytes) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            AudioFormat f = in.getFormat();
            if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1) throw new IOException("unexpected WAV format " + f);
            byte[] data = in.readAllBytes();
            short[] pcm = new short[data.length / 2];
            for (int i = 0; i < pcm.length; i++) {
                int lo = f.isBigEndian() ? data[2 * i + 1] : data[2 * i];
                int hi = f.isBigEndian() ? data[2 * i] : data[2 * i + 1];
                pcm[i] = (short) ((hi << 8) | (lo & 0xff));
            }
            return new Pcm(pcm, Math.round(f.getSampleRate()));
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }

    /** G.711 µ-law, as a phone line carries the agent's voice. */
    static final class MuLaw {
        private static final int BIAS = 0x84;
        private static final int CLIP = 32635;

        static byte encode(short sample) {
            int s = sample;
            int sign = (s >> 8) & 0x80;
            if (sign != 0) s = -s;
            if (s > CLIP) s = CLIP;
            s += BIAS;
            int exponent = 7;
            for (int mask = 0x4000; (s & mask) == 0 && exponent > 0; mask >>= 1) exponent--;
            int mantissa = (s >> (exponent + 3)) & 0x0f;
            return (byte) ~(sign | (exponent << 4) | mantissa);
        }

        static short decode(byte code) {
            int u = ~code & 0xff;
            int sign = u & 0x80;
            int exponent = (u >> 4) & 0x07;
            int mantissa = u & 0x0f;
            int magnitude = (((mantissa << 3) + BIAS) << exponent) - BIAS;
            return (short) (sign != 0 ? -magnitude : magnitude);
        }
    }
}
