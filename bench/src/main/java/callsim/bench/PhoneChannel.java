package callsim.bench;

import callsim.speech.Resampler;
import callsim.telephony.G711;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Speech as the recogniser gets it from a call: a synthetic voice (espeak-ng or flite) or a recording,
 * brought to 16 kHz by SoX, resampled to 8 kHz with the pipeline's {@link Resampler}, then a G.711
 * µ-law encode/decode round trip.
 */
final class PhoneChannel {
    static final int LINE_RATE = 8000;
    private static final String TO_16K_RAW = "-r 16000 -b 16 -c 1 -e signed-integer -L -t raw -";

    /** A synthetic voice that speaks a sentence as a WAV file SoX can read. */
    sealed interface Voice permits Espeak, Flite {
        String label();
    }

    /** An espeak-ng voice: name ("en-us", "en-us+f3"), words per minute and pitch (0-99). */
    record Espeak(String name, int wordsPerMinute, int pitch) implements Voice {
        public String label() {
            return name + " s" + wordsPerMinute + " p" + pitch;
        }
    }

    /** A voice built into Debian's flite ({@code flite -lv}), at its own speed and pitch. */
    record Flite(String name) implements Voice {
        public String label() {
            return "flite " + name;
        }
    }

    static final List<Espeak> VOICES = List.of(
        new Espeak("en-us", 150, 50), new Espeak("en-gb", 150, 50),
        new Espeak("en-us+f3", 150, 50), new Espeak("en-us", 185, 30));

    /** slt: US female, rms: US male (both 16 kHz clustergen voices; kal is an 8 kHz diphone voice). */
    static final List<Flite> FLITE_VOICES = List.of(new Flite("slt"), new Flite("rms"));

    private PhoneChannel() {
    }

    /**
     * Fails, naming the Debian package, unless flite is installed and has every voice in {@code voices}.
     * Checked up front because flite quietly falls back to its kal voice for a name it does not know.
     */
    static void requireFlite(List<Flite> voices) throws IOException, InterruptedException {
        String listed;
        try {
            listed = new String(run(List.of("flite", "-lv"), "flite -lv"));
        } catch (IOException e) {
            throw new IllegalStateException("flite is needed for the flite voices of `bench/run recognition` but could "
                + "not be run (" + e.getMessage() + "); install the Debian package: apt-get install flite", e);
        }
        List<String> have = List.of(listed.replaceFirst("(?s).*?:", "").trim().split("\\s+"));
        for (Flite voice : voices) {
            if (!have.contains(voice.name())) {
                throw new IllegalStateException("flite has no built-in voice '" + voice.name() + "' (flite -lv: "
                    + listed.trim() + "); Debian's package flite ships slt, rms, awb and kal");
            }
        }
    }

    /** 8 kHz µ-law-round-tripped samples of {@code text} spoken by {@code voice}. */
    static short[] speak(String text, Voice voice) throws IOException, InterruptedException {
        if (voice instanceof Espeak e) {
            String command = "espeak-ng -v " + e.name() + " -s " + e.wordsPerMinute() + " -p " + e.pitch()
                + " --stdout \"$1\" | sox -q -t wav - " + TO_16K_RAW;
            return line(samples(run(List.of("sh", "-c", command, "speak", text), "espeak-ng | sox for: " + text)));
        }
        Flite f = (Flite) voice;
        // flite writes a file (not stdout); slt/rms are 16 kHz already, SoX makes sure of it
        Path wav = Files.createTempFile("callsim-flite-", ".wav");
        try {
            run(List.of("flite", "-voice", f.name(), "-t", text, "-o", wav.toString()), "flite for: " + text);
            return fromFile(wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /** 8 kHz µ-law-round-tripped samples of a recording (any file SoX reads by its extension or header). */
    static short[] fromFile(Path audio) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sox", "-q", audio.toString()));
        command.addAll(List.of(TO_16K_RAW.split(" ")));
        return line(samples(run(command, "sox for " + audio)));
    }

    /** 8 kHz µ-law-round-tripped samples of a headerless recording: 16 kHz, 16-bit signed little-endian, mono. */
    static short[] fromRaw16k(Path audio) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sox", "-q", "-t", "raw", "-r", "16000", "-b", "16", "-c", "1",
            "-e", "signed-integer", "-L", audio.toString()));
        command.addAll(List.of(TO_16K_RAW.split(" ")));
        return line(samples(run(command, "sox for " + audio)));
    }

    /** 16 kHz samples → the pipeline's resampler to 8 kHz → G.711 µ-law and back, as a call carries them. */
    static short[] line(short[] wide) {
        short[] line = Resampler.resample(wide, 16000, LINE_RATE);
        for (int i = 0; i < line.length; i++) line[i] = G711.ulawToLinear(G711.linearToUlaw(line[i]));
        return line;
    }

    private static short[] samples(byte[] raw) throws IOException {
        if (raw.length < 2) throw new IOException("no audio came out of SoX");
        short[] wide = new short[raw.length / 2];
        for (int i = 0; i < wide.length; i++) wide[i] = (short) ((raw[2 * i + 1] << 8) | (raw[2 * i] & 0xff));
        return wide;
    }

    /** Runs {@code command}, returns its stdout; fails on a non-zero exit, no output, or after 30 s. */
    private static byte[] run(List<String> command, String what) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            out = buffer.toByteArray();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(what + " did not finish in 30 s");
        }
        if (process.exitValue() != 0) throw new IOException(what + " failed (exit " + process.exitValue() + ")");
        return out;
    }
}
