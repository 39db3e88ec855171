package callsim.app.pipeline;

import callsim.app.report.DrillInfo;
import callsim.app.report.FileDrillJournal;
import callsim.app.report.JournalEvents;
import callsim.app.report.ReportJson;
import callsim.app.report.ReportStore;
import callsim.core.Difficulty;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.core.PostCallScoring;
import callsim.core.SoundsLike;
import callsim.review.report.DrillReport;
import callsim.scenarios.ScenarioLibrary;
import callsim.speech.PostCallRecognizer;
import callsim.speech.StereoWavWriter;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * After a phone drill ends, decodes the agent's channel of its recording again, turn by turn on the live
 * turns' times, with a wider search than live ({@link PostCallRecognizer}: its own recogniser, never one of the
 * live pool's), and rewrites the drill's report scored from that transcript ({@link PostCallScoring}). Until then
 * the report says its score is provisional; if the pass fails the live score stands and the report says why.
 *
 * <p>One worker thread at the lowest scheduling priority (nice 19, {@link BackgroundThread}: it gets only the CPU
 * nothing else wants) takes the drills in turn from a bounded queue, and also gives way to live recognition
 * before each turn and every 100 ms within one. Everything a pass
 * needs is read back from the drill's directory (report.json, events.jsonl, recording.wav), so drills still
 * waiting when the server stops are picked up again at the next start ({@link #resumePending}); so is a drill
 * that found the queue full.
 */
public final class PostCallPass implements AutoCloseable {
    private static final Logger LOG = System.getLogger(PostCallPass.class.getName());
    /** Drills that may wait: a burst of drills ending together fits many times over (each waits as an id). */
    static final int MAX_WAITING = 1_000;
    /**
     * How long each turn may wait in all for live recognition, before and while it is decoded, so that a server
     * that is never quiet still gets its drills rescored.
     */
    static final long MAX_GIVE_WAY_MS = 5_000;
    /** How long a pass waits for the drill's journal to put its final report on disk. */
    private static final long JOURNAL_WAIT_SECONDS = 60;

    /** Waits until a drill's journal has its final report on disk; false if it did not in time. */
    @FunctionalInterface
    public interface JournalWritten {
        JournalWritten ALREADY = (timeout, unit) -> true;

        boolean await(long timeout, TimeUnit unit) throws InterruptedException;
    }

    private record Job(String drillId, JournalWritten journal) {}

    private final ReportStore store;
    private final ScenarioLibrary library;
    private final PostCallRecognizer recognizer;
    private final SoundsLike sounds;
    private final BooleanSupplier liveRecognitionBusy;
    private final BlockingQueue<Job> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
    private final CopyOnWriteArrayList<Consumer<String>> rewrittenListeners = new CopyOnWriteArrayList<>();
    private final Thread worker;
    private volatile boolean closing;

    /**
     * @param sounds              how the live drills matched cues on sound; the rescoring matches the same way
     * @param liveRecognitionBusy whether a live drill's agent turn is being recognised now: the pass holds back while
     *                            so, before each turn and every 100 ms within one (at most {@link #MAX_GIVE_WAY_MS}
     *                            per turn)
     */
    public PostCallPass(ReportStore store, ScenarioLibrary library, PostCallRecognizer recognizer, SoundsLike sounds,
                        BooleanSupplier liveRecognitionBusy) {
        this.store = store;
        this.liveRecognitionBusy = liveRecognitionBusy;
        this.library = library;
        this.recognizer = recognizer;
        this.sounds = sounds;
        this.worker = new Thread(this::work, "post-call-transcripts");
        worker.setDaemon(true);
        worker.start();
    }

    /** Called with the drill id each time a pass has rewritten a drill's report (done or failed). */
    public void onReportRewritten(Consumer<String> listener) {
        rewrittenListeners.add(listener);
    }

    /**
     * Queues a drill whose journal is closing; never blocks (called on the media clock's thread). A drill that
     * does not fit keeps its provisional score until the next start picks it up (logged).
     */
    public void submit(String drillId, JournalWritten journal) {
        if (closing || !waiting.offer(new Job(drillId, journal))) {
            LOG.log(Level.WARNING, "drill " + drillId + ": post-call transcript not queued (" + (closing ? "the server is stopping"
                    : MAX_WAITING + " drills already waiting") + "); its live score stays provisional until the next start picks it up");
        }
    }

    /**
     * At start-up: queues every drill whose report still waits for its post-call pass (the server stopped, or
     * the queue was full). Returns how many. A data directory that cannot be listed is logged, not thrown: the
     * server still starts, and those drills keep their provisional score.
     */
    public int resumePending() {
        List<String> ids;
        try {
            ids = store.ids();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list the drills to resume their post-call transcripts: " + e.getMessage());
            return 0;
        }
        int queued = 0;
        for (String id : ids) {
            try {
                if (store.report(id).map(DrillReport::scoreProvisional).orElse(false)) {
                    submit(id, JournalWritten.ALREADY);
                    queued++;
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "drill " + id + ": cannot read its report to resume its post-call transcript: " + e.getMessage());
            }
        }
        if (queued > 0) LOG.log(Level.INFO, queued + " drill(s) still wait for their post-call transcript: queued again");
        return queued;
    }

    /** Drills queued and not yet started. */
    public int waiting() {
        return waiting.size();
    }

    private void work() {
        BackgroundThread.lowerCurrentThread("the post-call pass");
        while (!closing) {
            Job job;
            try {
                job = waiting.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                if (!job.journal().await(JOURNAL_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    fail(job.drillId(), new IOException("its final report was not written within " + JOURNAL_WAIT_SECONDS + " s"));
                    continue;
                }
                rescore(job.drillId());
            } catch (InterruptedException e) {
                return;  // stopping: the drill stays provisional and is picked up at the next start
            } catch (Exception | LinkageError e) {
                if (closing) return;
                fail(job.drillId(), e);
            }
        }
    }

    /**
     * Decodes the drill's agent turns again and rewrites its report scored from them. Does nothing for a drill
     * whose report does not wait for a pass. On the worker thread; tests call it directly.
     */
    void rescore(String drillId) throws IOException, InterruptedException {
        Path dir = store.drillDir(drillId);
        DrillReport live = store.report(drillId).orElseThrow(() -> new IOException("it has no report.json"));
        if (!live.scoreProvisional()) return;
        List<DrillEvent> events = JournalEvents.read(dir.resolve("events.jsonl"));
        List<DrillEvent.AgentTurn> liveTurns = PostCallScoring.agentTurns(events);
        DrillInfo info = new DrillInfo(live.id(), live.agent(), live.dialledNumber(), live.line(), live.startedAt());
        long endMs = events.stream().mapToLong(DrillEvent::atMs).reduce(live.durationMs(), Math::max);
        // The journal must replay to the score the drill had live, or a rescore from it would be of another drill.
        List<String> heardWords = liveTurns.stream().map(DrillEvent.AgentTurn::words).toList();
        if (!ReportJson.build(info, rescore(live, events, heardWords, endMs), live.endedAt(), live.complete()).score().equals(live.score())) {
            throw new IOException("its events.jsonl does not replay to the score it had live (events missing?)");
        }
        List<PostCallRecognizer.Span> turns = liveTurns.stream().map(turn -> new PostCallRecognizer.Span(turn.startMs(), turn.endMs())).toList();
        List<String> said = recognizer.transcribe(StereoWavWriter.readChannel(dir.resolve("recording.wav"), StereoWavWriter.RIGHT), turns,
                new GiveWayToLiveRecognition());
        if (closing) return;  // stopped mid-decode, the words may be cut short: the next start does it again
        DrillRecord record = rescore(live, events, said, endMs);
        Map<Long, String> heardLive = new HashMap<>();
        live.transcript().stream().filter(DrillReport.Turn::agent).forEach(t -> heardLive.put(t.startMs(), t.text()));
        FileDrillJournal.writeReport(dir, ReportJson.afterCall(info, record, live.endedAt(), live.complete(), heardLive, live.score()));
        long changed = java.util.stream.IntStream.range(0, said.size()).filter(i -> !said.get(i).equals(heardWords.get(i))).count();
        LOG.log(Level.INFO, "drill " + drillId + ": scored from its post-call transcript (" + turns.size() + " agent turns, "
                + changed + " heard differently live): " + record.score().total() + " (live " + live.score().total() + ")");
        rewrote(drillId);
    }

    private DrillRecord rescore(DrillReport live, List<DrillEvent> events, List<String> words, long endMs) {
        return PostCallScoring.rescore(library.get(live.scenario()), Difficulty.parse(live.difficulty()), live.seed(), sounds, events,
                words, endMs);
    }

    /** Holds each turn back while live recognition is busy, before it and between its chunks, within its budget. */
    private final class GiveWayToLiveRecognition implements PostCallRecognizer.TurnGate {
        private long deadline;

        @Override
        public void beforeTurn() throws InterruptedException {
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_GIVE_WAY_MS);
            duringTurn();
        }

        @Override
        public void duringTurn() throws InterruptedException {
            while (liveRecognitionBusy.getAsBoolean() && System.nanoTime() - deadline < 0) Thread.sleep(20);
        }
    }

    /** The pass failed: the live score stands, and the report says why. */
    private void fail(String drillId, Throwable error) {
        String reason = error.getMessage() == null ? error.toString() : error.getMessage();
        LOG.log(Level.WARNING, "drill " + drillId + ": post-call transcript failed, the live score stands: " + reason, error);
        try {
            Path dir = store.drillDir(drillId);
            DrillReport live = store.report(drillId).orElseThrow(() -> new IOException("it has no report.json"));
            FileDrillJournal.writeReport(dir, live.withPostCall(DrillReport.PostCall.failed(reason, live.score())));
            rewrote(drillId);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.ERROR, "drill " + drillId + ": cannot record that its post-call transcript failed: " + e.getMessage()
                    + "; it is tried again at the next start");
        }
    }

    private void rewrote(String drillId) {
        for (Consumer<String> listener : rewrittenListeners) {
            try {
                listener.accept(drillId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "drill " + drillId + ": a listener failed on its rewritten report", e);
            }
        }
    }

    /**
     * Stops the worker; a drill in its pass or still waiting keeps its provisional score until the next start.
     * A decode in progress is not waited for beyond a few seconds (the worker is a daemon thread and writes
     * nothing once stopping). The recogniser is its owner's to close.
     */
    @Override
    public void close() {
        closing = true;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!waiting.isEmpty()) {
            LOG.log(Level.INFO, waiting.size() + " drill(s) still wait for their post-call transcript; they are picked up at the next start");
        }
    }
}
