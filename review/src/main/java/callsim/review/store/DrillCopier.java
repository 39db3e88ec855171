package callsim.review.store;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Copies what is new in one drill directory into the database: the report as the drill row, the
 * events.jsonl lines after {@code events_synced}, the recording's PCM after {@code recording_bytes_synced}.
 * The cursors move in the same transaction as the rows they count, so a copy cut off anywhere (the
 * database went away, the process died) is simply repeated from where it stood. Used by one thread.
 */
final class DrillCopier {
    /** Whether the drill is on the line, just ended (its final report may still be on its way) or neither. */
    enum Liveness { ACTIVE, FINISHING, ENDED }

    /** What one copy did; {@code status} is what the row now says. */
    record Result(boolean hasReport, DrillStatus status, int events, long audioBytes) {
        static final Result NO_REPORT = new Result(false, null, 0, 0);
    }

    /** A drill directory whose report.json is not a drill report: copying it again will not help. */
    static final class BadDrillException extends IOException {
        private static final long serialVersionUID = 1L;

        BadDrillException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final int WAV_HEADER_BYTES = 44;
    static final int CHUNK_BYTES = 64 * 1024;
    // One transaction's worth: a drill copied after a long outage goes in several, each consistent.
    static final int EVENTS_PER_TRANSACTION = 2_000;
    static final int AUDIO_PER_TRANSACTION = 16 * CHUNK_BYTES;
    private static final Logger LOG = System.getLogger(DrillCopier.class.getName());

    /** What we last committed for a drill and the file sizes it came from, to skip drills with nothing new. */
    private record Known(FileTime reportModified, long reportSize, long eventsSizeSeen, int eventsSynced,
                         long eventsOffset, long recordingSynced, boolean complete, DrillStatus status) {}

    private final DataSource db;
    private final Path drillsDir;
    private final Clock clock;
    private final int eventsPerTransaction;
    private final int audioPerTransaction;
    private final Map<String, Known> known = new HashMap<>();

    DrillCopier(DataSource db, Path drillsDir, Clock clock) {
        this(db, drillsDir, clock, EVENTS_PER_TRANSACTION, AUDIO_PER_TRANSACTION);
    }

    DrillCopier(DataSource db, Path drillsDir, Clock clock, int eventsPerTransaction, int audioPerTransaction) {
        this.db = db;
        this.drillsDir = drillsDir;
        this.clock = clock;
        this.eventsPerTransaction = eventsPerTransaction;
        this.audioPerTransaction = audioPerTransaction;
    }

    static DrillStatus status(boolean reportComplete, boolean caughtUp, Liveness liveness) {
        if (reportComplete) return caughtUp ? DrillStatus.COMPLETE : DrillStatus.RUNNING;  // RUNNING: still being copied
        return liveness == Liveness.ENDED ? DrillStatus.PARTIAL : DrillStatus.RUNNING;
    }

    Result copy(String id, Liveness liveness) throws SQLException, IOException {
        Path dir = drillsDir.resolve(id);
        Path reportFile = dir.resolve("report.json");
        Path eventsFile = dir.resolve("events.jsonl");
        Path wavFile = dir.resolve("recording.wav");
        FileTime reportModified;
        long reportSize;
        try {
            reportModified = Files.getLastModifiedTime(reportFile);
            reportSize = Files.size(reportFile);
        } catch (NoSuchFileException e) {
            return Result.NO_REPORT;  // the drill row needs the report's who/what/when: wait for its first snapshot
        }
        long eventsSize = sizeOf(eventsFile);
        Known k = known.get(id);
        if (k != null && k.reportModified.equals(reportModified) && k.reportSize == reportSize && k.eventsSizeSeen == eventsSize
                && k.recordingSynced == pcmBytes(sizeOf(wavFile)) && k.status == status(k.complete, true, liveness)) {
            return new Result(true, k.status, 0, 0);
        }
        // The report first: once it says complete, the events and audio queued before it are already on disk.
        StoredReport report = StoredReport.parse(reportFile, Files.readAllBytes(reportFile));
        List<String> skipped = new ArrayList<>();
        int events = 0;
        long audio = 0;
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                while (true) {
                    DrillRows.Cursor cursor = DrillRows.lockCursor(c, id);
                    long offset = k != null && k.eventsSynced == cursor.events() ? k.eventsOffset
                            : JournalLines.offsetOf(eventsFile, cursor.events());
                    JournalLines.Batch batch = offset < 0
                            ? new JournalLines.Batch(List.of(), offset, false)  // fewer lines than copied: not ours to fix
                            : JournalLines.read(eventsFile, cursor.events(), offset, eventsPerTransaction);
                    long available = pcmBytes(sizeOf(wavFile));
                    byte[] pcm = readPcm(wavFile, cursor.recording(), Math.min(Math.max(0, available - cursor.recording()), audioPerTransaction));
                    boolean caughtUp = !batch.more() && cursor.recording() + pcm.length >= available;
                    DrillStatus status = status(report.complete(), caughtUp, liveness);
                    int eventsSynced = cursor.events() + batch.lines().size();
                    long recordingSynced = cursor.recording() + pcm.length;
                    DrillRows.upsert(c, id, report, status, eventsSynced, recordingSynced, clock.instant(), cursor.exists());
                    DrillRows.insertEvents(c, id, batch.lines(), eventsFile, skipped);
                    DrillRows.insertAudio(c, id, cursor.recording(), pcm, CHUNK_BYTES);
                    c.commit();
                    events += batch.lines().size();
                    audio += pcm.length;
                    if (offset < 0) {
                        skipped.add("drill " + id + ": " + eventsFile + " has fewer lines than the " + cursor.events()
                                + " already copied; left as it is");
                        k = null;
                        known.remove(id);
                    } else {
                        k = new Known(reportModified, reportSize, eventsSize, eventsSynced, batch.endOffset(),
                                recordingSynced, report.complete(), status);
                        known.put(id, k);
                    }
                    if (caughtUp) return new Result(true, status, events, audio);
                }
            } catch (SQLException | IOException | RuntimeException e) {
                known.remove(id);
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            } finally {
                skipped.forEach(message -> LOG.log(Level.WARNING, message));
            }
        }
    }

    /** Forgets what it knew of a drill it no longer copies. */
    void forget(String id) {
        known.remove(id);
    }

    /** Whole stereo frames of PCM in a recording of {@code fileSize} bytes (a frame may be half-written). */
    static long pcmBytes(long fileSize) {
        return fileSize <= WAV_HEADER_BYTES ? 0 : (fileSize - WAV_HEADER_BYTES) / 4 * 4;
    }

    private static long sizeOf(Path file) throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private static byte[] readPcm(Path wav, long from, long length) throws IOException {
        if (length <= 0) return new byte[0];
        ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(length));
        try (FileChannel channel = FileChannel.open(wav, StandardOpenOption.READ)) {
            long position = WAV_HEADER_BYTES + from;
            while (buffer.hasRemaining()) {
                int n = channel.read(buffer, position);
                if (n < 0) throw new IOException(wav + " shrank while it was read");
                position += n;
            }
        }
        return buffer.array();
    }
}
