package callsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agent's side of a load drill as sipp streams it: a silent lead-in while the caller gives the
 * opening, then each line (espeak-ng en-us, 150 wpm) followed by a long silence so the caller can reply,
 * as one 8 kHz mu-law WAV (sipp's rtp_stream plays it as PCMU).
 */
record AgentAudio(Path wav, List<String> lines, double leadInSeconds, double gapSeconds, double seconds) {

    static AgentAudio make(Path dir, List<String> lines, double leadInSeconds, double gapSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<String> parts = new ArrayList<>();
        Path lead = dir.resolve("lead.wav");
        run("sox", "-q", "-n", "-r", "8000", "-c", "1", "-b", "16", lead.toString(), "trim", "0", String.valueOf(leadInSeconds));
        parts.add(lead.toString());
        for (int i = 0; i < lines.size(); i++) {
            Path spoken = dir.resolve("line" + i + "-espeak.wav");
            Path line = dir.resolve("line" + i + ".wav");
            run("espeak-ng", "-v", "en-us", "-s", "150", "-p", "50", "-w", spoken.toString(), lines.get(i));
            run("sox", "-q", spoken.toString(), "-r", "8000", "-c", "1", "-b", "16", line.toString(), "pad", "0", String.valueOf(gapSeconds));
            parts.add(line.toString());
        }
        Path wav = dir.resolve("agent.wav");
        List<String> concat = new ArrayList<>(List.of("sox", "-q"));
        concat.addAll(parts);
        concat.addAll(List.of("-e", "mu-law", "-b", "8", wav.toString()));
        run(concat.toArray(String[]::new));
        double seconds = (Files.size(wav) - 60) / 8000.0; // header ~60 bytes; one byte per sample
        return new AgentAudio(wav, List.copyOf(lines), leadInSeconds, gapSeconds, seconds);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("did not finish in 60 s: " + String.join(" ", command));
        }
        if (process.exitValue() != 0) throw new IOException("failed (exit " + process.exitValue() + "): " + String.join(" ", command));
    }
}
