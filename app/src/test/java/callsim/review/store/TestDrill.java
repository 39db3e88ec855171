package callsim.review.store;

import callsim.app.report.DrillInfo;
import callsim.app.report.FileDrillJournal;
import callsim.core.CallerAction;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.LineMetrics;
import callsim.core.Outcome;
import callsim.core.Scorecard;
import callsim.core.Speaker;
import callsim.core.TechniqueScore;
import callsim.core.TranscriptEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A drill written by the real {@link FileDrillJournal}, fed the way a pipeline feeds it (events, caller
 * actions, 20 ms stereo frames, a snapshot after every agent turn), without speech or a phone line.
 */
final class TestDrill {
    static final int FRAME = 160;  // 20 ms at 8 kHz

    private final DrillInfo info;
    private final String scenario;
    private final Difficulty difficulty;
    private final FileDrillJournal journal;
    private final List<TranscriptEntry> transcript = new ArrayList<>();
    private final List<String> callerLines = new ArrayList<>();
    private long now;
    private int frames;
    private int lines;

    TestDrill(Path dataDir, String id, String agent, Instant startedAt, String scenario, Difficulty difficulty) throws IOException {
        this.info = new DrillInfo(id, agent, "7000", "sip", startedAt);
        this.scenario = scenario;
        this.difficulty = difficulty;
        this.journal = new FileDrillJournal(info, dataDir.resolve("drills").resolve(id), Clock.fixed(startedAt.plusSeconds(300), ZoneOffset.UTC));
        journal.event(new DrillEvent.CallConnected(0));
        lines++;
    }

    /** One exchange: the caller says line {@code n} (with its audio), the agent answers, the report is updated. */
    TestDrill exchange(int n, int audioFrames) {
        String said = "caller line " + n + ": where is my refund?";
        journal.action(now, new CallerAction.Speak(n, said, 60, false));
        journal.event(new DrillEvent.CallerSpeechStarted(now, n, audioFrames * 20L));
        for (int i = 0; i < audioFrames; i++) {
            journal.audio(tone(frames, 1), tone(frames, -1));
            frames++;
        }
        long start = now;
        now += audioFrames * 20L;
        journal.event(new DrillEvent.CallerSpeechEnded(now, n, false));
        journal.event(new DrillEvent.AgentTurn(now + 900, now + 100, now + 800, "agent answer " + n));
        lines += 4;
        transcript.add(new TranscriptEntry(Speaker.CALLER, start, now, said));
        transcript.add(new TranscriptEntry(Speaker.AGENT, now + 100, now + 800, "agent answer " + n));
        callerLines.add(said);
        now += 1_000;
        journal.snapshot(record(Outcome.IN_PROGRESS, 50), false);
        return this;
    }

    /** The call ends: the final report, then the files are closed; waits until all of it is on disk. */
    void finish(Outcome outcome, int score) throws InterruptedException {
        journal.event(new DrillEvent.AgentHungUp(now));
        lines++;
        journal.close(record(outcome, score));
        if (!journal.awaitWritten(10, TimeUnit.SECONDS)) throw new IllegalStateException("journal still writing after 10 s");
    }

    String id() {
        return info.id();
    }

    Path dir() {
        return journal.dir();
    }

    /** Lines this drill has journaled so far (written, or still queued). */
    int lines() {
        return lines;
    }

    List<String> callerLines() {
        return List.copyOf(callerLines);
    }

    long pcmBytes() {
        return frames * FRAME * 4L;
    }

    DrillRecord record(Outcome outcome, int score) {
        return record(scenario, difficulty, outcome, now, transcript, score);
    }

    static DrillRecord record(String scenario, Difficulty difficulty, Outcome outcome, long durationMs,
                              List<TranscriptEntry> transcript, int score) {
        LineMetrics metrics = new LineMetrics(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Scorecard card = new Scorecard(score, 70, score >= 70, outcome, "verdict",
                List.of(new TechniqueScore("T2", "Don't interrupt", true, score, List.of()),
                        new TechniqueScore("T5", "Apologise specifically", true, 100, List.of())),
                List.of());
        return new DrillRecord(scenario, difficulty, 42, outcome, "", durationMs, transcript, List.of(), metrics, card);
    }

    /** A frame of distinct, recognisable samples (so a misplaced chunk shows). */
    static short[] tone(int frame, int sign) {
        short[] samples = new short[FRAME];
        for (int i = 0; i < FRAME; i++) samples[i] = (short) (sign * ((frame * 31 + i * 7) % 20_000));
        return samples;
    }
}
