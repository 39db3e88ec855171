package callsim.app.softphone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * WAV files of a call-centre agent's lines for {@link LinphoneAgent#play}: spoken by espeak-ng (or
 * by a flite voice, {@link #flite}), converted by sox to 8 kHz 16-bit mono (the rate of PCMU/PCMA, so linphone need not resample) with
 * leading and trailing silence trimmed, so that the file's length is the speech's length.
 */
public final class AgentSpeech {
    public static final int SAMPLE_RATE = 8000;
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);
    private static final String INSTALL_HINT = "install them with: apt-get install espeak-ng flite sox";
    /** The voices Debian's flite package ships. */
    public static final Set<String> FLITE_VOICES = Set.of("slt", "rms", "awb", "kal", "kal16");

    private AgentSpeech() {}

    /** Speaks {@code text} (en-us, 160 words per minute) into a new WAV file in {@code dir}. */
    public static Path speak(String text, Path dir) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to speak");
        }
        Files.createDirectories(dir);
        Path raw = Files.createTempFile(dir, "espeak-", ".wav");
        return trimmed(raw, List.of("espeak-ng", "-v", "en-us", "-s", "160", "-w", raw.toString(), text), text);
    }

    /**
     * Speaks {@code text} with flite's {@code voice} (slt, rms, awb, kal: a different synthesiser from
     * the caller's FreeTTS and from espeak-ng) into a new 8 kHz WAV file in {@code dir}, trimmed as {@link #speak}.
     */
    public static Path flite(String voice, String text, Path dir) throws IOException {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("nothing to speak");
        }
        if (!FLITE_VOICES.contains(voice)) {
            throw new IllegalArgumentException("not a flite voice: " + voice + " (one of " + FLITE_VOICES + ")");
        }
        Files.createDirectories(dir);
        Path raw = Files.createTempFile(dir, "flite-", ".wav");
        return trimmed(raw, List.of("flite", "-voice", voice, "-t", text, "-o", raw.toString()), text);
    }

    /** Runs {@code synthesis} (which writes {@code raw}), then converts and trims it into a new file. */
    private static Path trimmed(Path raw, List<String> synthesis, String text) throws IOException {
        Path out = Files.createTempFile(raw.getParent(), "agent-line-", ".wav");
        try {
            run(synthesis);
            // 'silence 1 ... reverse silence 1 ... reverse' trims silence at both ends.
            run(List.of("sox", raw.toString(), "-r", String.valueOf(SAMPLE_RATE), "-c", "1", "-b", "16",
                    "-e", "signed-integer", out.toString(),
                    "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02", "0.5%", "reverse"));
        } finally {
            Files.deleteIfExists(raw);
        }
        if (Wav.read(out).samples().length == 0) {
            throw new IOException(synthesis.get(0) + " produced no audible speech for: " + text);
        }
        return out;
    }

    /** Writes {@code length} of digital silence (8 kHz 16-bit mono) to {@code file}. */
    public static Path silence(Duration length, Path file) throws IOException {
        if (length.isNegative() || length.isZero()) {
            throw new IllegalArgumentException("silence must be longer than zero, was " + length);
        }
        int samples = (int) (length.toMillis() * SAMPLE_RATE / 1000);
        new Wav(SAMPLE_RATE, new short[samples]).write(file);
        return file;
    }

    /** Joins 8 kHz 16-bit mono WAV files (e.g. speech, silence, speech) into {@code out}. */
    public static Path concat(Path out, Path... parts) throws IOException {
        if (parts.length == 0) {
            throw new IllegalArgumentException("nothing to join");
        }
        List<short[]> pieces = new ArrayList<>();
        int total = 0;
        for (Path part : parts) {
            Wav wav = Wav.read(part);
            if (wav.sampleRate() != SAMPLE_RATE) {
                throw new IllegalArgumentException(part + " is " + wav.sampleRate() + " Hz, need " + SAMPLE_RATE);
            }
            pieces.add(wav.samples());
            total += wav.samples().length;
        }
        short[] joined = new short[total];
        int at = 0;
        for (short[] piece : pieces) {
            System.arraycopy(piece, 0, joined, at, piece.length);
            at += piece.length;
        }
        new Wav(SAMPLE_RATE, joined).write(out);
        return out;
    }

    public static Duration duration(Path wav) throws IOException {
        return Wav.read(wav).duration();
    }

    private static void run(List<String> command) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is missing (" + INSTALL_HINT + ")", e);
        }
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within " + TOOL_TIMEOUT);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "): " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
