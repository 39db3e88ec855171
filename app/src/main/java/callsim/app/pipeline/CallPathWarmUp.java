package callsim.app.pipeline;

import callsim.app.report.DrillInfo;
import callsim.app.report.FileDrillJournal;
import callsim.core.CallerAction;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.DrillSession;
import callsim.core.Scenario;
import callsim.speech.CallerVoice;
import callsim.speech.RecognitionSession;
import callsim.speech.RecognizedTurn;
import callsim.speech.TurnDetector;
import callsim.speech.VoiceStyle;
import callsim.telephony.CallLine;
import callsim.telephony.G711;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A silent drill at start-up through the real {@link DrillPipeline}, so the first real call's 20 ms ticks do
 * not pay for class loading and interpreted code. Measured on the first drill without it: its first tick
 * took 240 ms (building the drill's record and its report, the first events and caller line, ~100 classes
 * loaded) and its first caller line's start another 45 ms, i.e. audible late frames.
 *
 * <p>The drill is virtual: no network, no recogniser (the agent's turns are "heard" as the words they were
 * synthesised from), no database, and its journal goes to a temporary directory deleted afterwards, so
 * nobody ever sees it. The pipeline is ticked as fast as it goes on the calling thread, not on the media
 * clock, and stops after {@link #MAX_MEDIA_MS} of media time or {@link #MAX_WALL_MS} of wall time.
 */
public final class CallPathWarmUp {
    static final long MAX_MEDIA_MS = 90_000;
    static final long MAX_WALL_MS = 10_000;
    /** The agent's lines: an apology that ends the turn, then one that talks over the caller's reply. */
    private static final String[] AGENT_LINES = {
        "I'm so sorry about that. Let me check your account.",
        "I can see the second charge, and I will refund it today.",
    };
    private static final int FRAME_SAMPLES = MediaClock.FRAME_SAMPLES;

    private CallPathWarmUp() {
    }

    /** What the virtual drill went through: media time covered and the events it produced, by kind. */
    public record Result(long mediaMs, Set<String> eventKinds) {}

    /** {@link #run(CallerVoice, Scenario, TurnDetector.Settings, Path)} in the system's temporary directory. */
    public static Result run(CallerVoice voice, Scenario scenario, TurnDetector.Settings turnDetection) {
        return run(voice, scenario, turnDetection, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Runs the drill on {@code scenario}, its journal in a new directory under {@code scratch}. Leaves
     * nothing behind: that directory is deleted even when the drill fails.
     */
    public static Result run(CallerVoice voice, Scenario scenario, TurnDetector.Settings turnDetection, Path scratch) {
        Path dir;
        try {
            dir = Files.createTempDirectory(scratch, "callsim-warmup-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the call-path warm-up", e);
        }
        try {
            return drill(voice, scenario, turnDetection, dir.resolve("drill"));
        } finally {
            deleteRecursively(dir);
        }
    }

    private static Result drill(CallerVoice voice, Scenario scenario, TurnDetector.Settings turnDetection, Path dir) {
        short[][] agentLines = Arrays.stream(AGENT_LINES)
                .map(text -> voice.speak8k(text, VoiceStyle.forAnger(10, 120))).toArray(short[][]::new);
        int[] spoken = {0};  // agent lines started so far
        // Caller lines are synthesised on this thread, so the virtual drill needs no pacing to hear them.
        SpeechServices speech = new SpeechServices(voice, speaker -> new ScriptedTurn(AGENT_LINES[Math.max(0, spoken[0] - 1)]),
                Runnable::run);
        Clock clock = Clock.systemUTC();
        FileDrillJournal journal;
        try {
            journal = new FileDrillJournal(new DrillInfo("warm-up", "warm-up", "warm-up", "sip", clock.instant()), dir, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean[] finished = {false};
        SilentLine line = new SilentLine();
        Set<String> eventKinds = new TreeSet<>();
        DrillJournal seen = new DrillJournal() {
            @Override public void audio(short[] callerFrame, short[] agentFrame) { journal.audio(callerFrame, agentFrame); }
            @Override public void event(DrillEvent event) {
                eventKinds.add(event.getClass().getSimpleName());
                journal.event(event);
            }
            @Override public void action(long atMs, CallerAction action) { journal.action(atMs, action); }
            @Override public void snapshot(DrillRecord record, boolean complete) { journal.snapshot(record, complete); }
            @Override public void close(DrillRecord finalRecord, boolean complete) { journal.close(finalRecord, complete); }
        };
        DrillPipeline pipeline = new DrillPipeline("warm-up", line, new DrillSession(scenario, Difficulty.NORMAL, 1L,
                DrillService.SOUNDS), scenario, speech, seen, new TurnDetector(turnDetection), done -> finished[0] = true).quietly();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WALL_MS);
        long mediaMs = 0;
        int agentAt = -1;  // next sample of the agent line being spoken; -1 while the agent is silent
        boolean hungUp = false;
        while (!finished[0] && System.nanoTime() < deadline) {
            // Each agent line starts once the caller has spoken for a second (cutting in on the opening, then on
            // the reply); after the last, the call is held, resumed and hung up once the caller answers it.
            boolean callerHasSpoken = line.callerFramesSinceAgent >= 50;
            if (agentAt < 0 && callerHasSpoken && spoken[0] < agentLines.length) {
                agentAt = 0;
                spoken[0]++;
            }
            line.agentSpeaking = agentAt >= 0;
            if (agentAt >= 0) {
                short[] current = agentLines[spoken[0] - 1];
                pipeline.onAudio(Arrays.copyOf(Arrays.copyOfRange(current, agentAt, Math.min(current.length,
                        agentAt + FRAME_SAMPLES)), FRAME_SAMPLES));
                agentAt += FRAME_SAMPLES;
                if (agentAt >= current.length) agentAt = -1;
            }
            if (!hungUp && (mediaMs >= MAX_MEDIA_MS || (spoken[0] == agentLines.length && agentAt < 0 && callerHasSpoken))) {
                pipeline.onHold();
                pipeline.onResume();
                pipeline.onHangUp("warm-up over");
                hungUp = true;
            }
            pipeline.tick();
            mediaMs += MediaClock.FRAME_MS;
        }
        if (!finished[0]) {  // a very busy machine: what ran is warm all the same
            pipeline.failed(new IllegalStateException("the call-path warm-up ran out of time"));
            System.getLogger(CallPathWarmUp.class.getName()).log(System.Logger.Level.INFO,
                    "the call-path warm-up stopped after " + MAX_WALL_MS + " ms, " + mediaMs + " ms into its drill");
        }
        try {
            journal.awaitWritten(MAX_WALL_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Result(mediaMs, eventKinds);
    }

    /** The agent's side of the virtual call: what the caller says is encoded as for the phone line, then dropped. */
    private static final class SilentLine implements CallLine {
        int callerFramesSinceAgent;
        boolean agentSpeaking;

        @Override public String callId() { return "warm-up"; }
        @Override public String remoteParty() { return "warm-up"; }
        @Override public String dialledNumber() { return ""; }
        @Override public void hangUp() { }

        @Override
        public void sendAudio(short[] frame) {
            G711.encodeUlaw(frame);
            if (agentSpeaking) {
                callerFramesSinceAgent = 0;
            } else if (!silent(frame)) {
                callerFramesSinceAgent++;
            }
        }

        private static boolean silent(short[] frame) {
            for (short sample : frame) if (sample != 0) return false;
            return true;
        }
    }

    /** An agent turn "heard" as the words it was synthesised from. */
    private record ScriptedTurn(String words) implements RecognitionSession {
        @Override public void feed(short[] pcm8k) { }
        @Override public CompletableFuture<RecognizedTurn> finish() {
            return CompletableFuture.completedFuture(new RecognizedTurn(words, 0.9));
        }
        @Override public void cancel() { }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.getLogger(CallPathWarmUp.class.getName()).log(System.Logger.Level.WARNING,
                    "could not delete the call-path warm-up's temporary files under " + dir + ": " + e.getMessage());
        }
    }
}
