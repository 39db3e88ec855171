package callsim.app.report;

import callsim.app.pipeline.DrillJournal;
import callsim.core.CallerAction;
import callsim.core.DrillEvent;
import callsim.core.DrillRecord;
import callsim.speech.StereoWavWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A drill's directory under the data directory, written as the drill runs by one background thread:
 * {@code events.jsonl} (every event and caller action, flushed per line), {@code recording.wav}
 * (caller left, agent right; its header is kept valid as it grows) and {@code report.json}
 * (replaced atomically after every agent turn and at the end).
 */
public final class FileDrillJournal implements DrillJournal {
    private static final Logger LOG = System.getLogger(FileDrillJournal.class.getName());
    private static final ObjectMapper LINES = new ObjectMapper();

    private static final int SAMPLE_RATE = 8000;

    private final DrillInfo info;
    private final Path dir;
    /** The final report says its score is provisional: a post-call pass will rescore the drill. */
    private final boolean postCallFollows;
    private final Clock clock;
    private final ExecutorService writer;
    private final BufferedWriter events;
    private final StereoWavWriter recording;
    private volatile boolean failed;

    public FileDrillJournal(DrillInfo info, Path dir, Clock clock) throws IOException {
        this(info, dir, clock, false);
    }

    /** {@code postCallFollows}: the final report is marked provisional until the post-call pass rescores it. */
    public FileDrillJournal(DrillInfo info, Path dir, Clock clock, boolean postCallFollows) throws IOException {
        this.info = info;
        this.postCallFollows = postCallFollows;
        this.dir = dir;
        this.clock = clock;
        OwnerOnly.directories(dir);
        OwnerOnly.file(dir.resolve("events.jsonl"));
        OwnerOnly.file(dir.resolve("recording.wav"));
        this.events = Files.newBufferedWriter(dir.resolve("events.jsonl"), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.recording = StereoWavWriter.open(dir.resolve("recording.wav"), SAMPLE_RATE);
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "journal-" + info.id());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * At start-up: a drill cut off by a crash left a recording whose header covers only up to its last
     * refresh; each one is made to cover all its audio. Returns how many were repaired.
     */
    public static int repairCutOffRecordings(ReportStore store) {
        int repaired = 0;
        try {
            for (String id : store.ids()) {
                Path wav = store.drillDir(id).resolve("recording.wav");
                try {
                    boolean partial = store.report(id).map(r -> !r.complete()).orElse(false);
                    if (partial && Files.exists(wav) && StereoWavWriter.repair(wav, SAMPLE_RATE)) repaired++;
                } catch (IOException | RuntimeException e) {
                    LOG.log(Level.WARNING, "drill " + id + ": cannot repair its recording " + wav + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot list the drills to repair their recordings: " + e.getMessage());
        }
        if (repaired > 0) LOG.log(Level.INFO, repaired + " recording(s) cut off by a crash now play to their end");
        return repaired;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void audio(short[] callerFrame, short[] agentFrame) {
        submit(() -> recording.append(callerFrame, agentFrame));
    }

    @Override
    public void event(DrillEvent event) {
        // Events are immutable records: their JSON is built on the writer thread, off the 20 ms media clock
        // (the first of each kind cost Jackson 20-50 ms of introspection, a late frame).
        submit(() -> {
            ObjectNode line = LINES.valueToTree(event);
            line.put("type", event.getClass().getSimpleName());
            writeLine(line);
        });
    }

    @Override
    public void action(long atMs, CallerAction action) {
        submit(() -> {
            ObjectNode line = LINES.valueToTree(action);
            line.put("type", "Caller" + action.getClass().getSimpleName());
            line.put("atMs", atMs);
            writeLine(line);
        });
    }

    @Override
    public void snapshot(DrillRecord record, boolean complete) {
        report(record, complete ? clock.instant() : null, complete);
    }

    private void report(DrillRecord record, java.time.Instant endedAt, boolean complete) {
        // The record is immutable: its JSON is built on the writer thread, off the 20 ms media clock.
        submit(() -> writeReport(dir, ReportJson.build(info, record, endedAt, complete)));
    }

    @Override
    public void close(DrillRecord finalRecord, boolean complete) {
        java.time.Instant endedAt = clock.instant();
        if (postCallFollows) submit(() -> writeReport(dir, ReportJson.awaitingPostCall(info, finalRecord, endedAt, complete)));
        else report(finalRecord, endedAt, complete);
        submit(() -> {
            events.close();
            recording.close();
        });
        writer.shutdown();
    }

    /** True once the journal was closed and everything queued is on disk. */
    public boolean written() {
        return writer.isTerminated();
    }

    /** Waits until everything queued is on disk (tests and orderly shutdown). */
    public boolean awaitWritten(long timeout, TimeUnit unit) throws InterruptedException {
        return writer.awaitTermination(timeout, unit);
    }

    private void writeLine(ObjectNode line) throws IOException {
        events.write(LINES.writeValueAsString(line));
        events.newLine();
        events.flush();
    }

    /** Replaces a drill directory's report.json atomically (readers see the old report or the new one, whole). */
    public static void writeReport(Path dir, callsim.review.report.DrillReport report) throws IOException {
        Path temp = dir.resolve("report.json.tmp");
        OwnerOnly.file(temp);
        try (var out = Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ReportJson.MAPPER.writeValue(out, report);
        }
        Files.move(temp, dir.resolve("report.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private interface IoWork {
        void run() throws IOException;
    }

    private void submit(IoWork work) {
        if (writer.isShutdown()) return;
        writer.execute(() -> {
            try {
                work.run();
            } catch (IOException | UncheckedIOException e) {
                if (!failed) {
                    failed = true;  // one clear line, not one per frame
                    LOG.log(Level.ERROR, "drill " + info.id() + ": cannot write to " + dir + ": " + e.getMessage(), e);
                }
            }
        });
    }
}
