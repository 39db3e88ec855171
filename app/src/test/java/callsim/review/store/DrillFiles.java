package callsim.review.store;

import callsim.app.report.DrillInfo;
import callsim.app.report.ReportJson;
import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

/** Drill directories written by hand in the journal's format, for the cases a real journal rarely shows. */
final class DrillFiles {
    private DrillFiles() {}

    static Path dir(Path dataDir, String id) throws IOException {
        return Files.createDirectories(dataDir.resolve("drills").resolve(id));
    }

    /** A report.json as {@code ReportJson} writes it; complete reports end a minute after the start. */
    static void report(Path dataDir, String id, String agent, String scenario, Difficulty difficulty, Instant startedAt,
                       boolean complete, Outcome outcome, int score) throws IOException {
        DrillInfo info = new DrillInfo(id, agent, "7000", "sip", startedAt);
        var json = ReportJson.build(info, TestDrill.record(scenario, difficulty, outcome, 60_000, List.of(), score),
                complete ? startedAt.plusSeconds(60) : null, complete);
        ReportJson.MAPPER.writeValue(dir(dataDir, id).resolve("report.json").toFile(), json);
    }

    static String event(String type, long atMs) {
        return "{\"atMs\":" + atMs + ",\"type\":\"" + type + "\"}";
    }

    /** Appends raw text to events.jsonl: whole lines end in "\n", a line still being written does not. */
    static void append(Path dataDir, String id, String text) throws IOException {
        Files.writeString(dir(dataDir, id).resolve("events.jsonl"), text, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Appends PCM bytes to recording.wav, starting it with a 44-byte header (its sizes left at 0, as a crash leaves them). */
    static void appendPcm(Path dataDir, String id, byte[] pcm) throws IOException {
        Path wav = dir(dataDir, id).resolve("recording.wav");
        if (!Files.exists(wav)) Files.write(wav, new byte[DrillCopier.WAV_HEADER_BYTES]);
        Files.write(wav, pcm, StandardOpenOption.APPEND);
    }

    static byte[] pcm(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) bytes[i] = (byte) (seed * 13 + i * 7);
        return bytes;
    }
}
