package callsim.review.store;

import callsim.review.store.DrillCopier.Liveness;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Keeps the database a replica of the drill directories under {@code DATA/drills}: every ~500 ms it copies
 * what the running drills added, and at start-up every drill the database does not hold complete. When the
 * database cannot be reached it warns once and retries with back-off (0.5 s doubling to 30 s): the drills
 * keep being journaled on disk meanwhile, so the next successful pass copies everything they wrote.
 */
public final class JournalReplicator implements AutoCloseable {
    /** How often running drills are copied, how long a finished drill's final report may take, and the back-off. */
    public record Settings(Duration interval, Duration finishGrace, Duration firstRetry, Duration maxRetry) {
        public static final Settings DEFAULTS = new Settings(Duration.ofMillis(500), Duration.ofSeconds(10),
                Duration.ofMillis(500), Duration.ofSeconds(30));
    }

    private static final Logger LOG = System.getLogger(JournalReplicator.class.getName());
    // A drill that fails for reasons of its own (not the connection) is retried this often before it is left for the next start.
    private static final int MAX_DRILL_FAILURES = 20;

    private final Database db;
    private final Path drillsDir;
    private final Clock clock;
    private final Settings settings;
    private final DrillCopier copier;
    private final Thread thread;
    // Guarded by this: what the drill service told us, and what still needs copying.
    private final Set<String> active = new HashSet<>();
    private final Map<String, Instant> finishing = new HashMap<>();
    private final Set<String> ended = new LinkedHashSet<>();
    private boolean scanned;
    private boolean stopping;
    private boolean woken;
    // Only the replicator thread (and close(), after it stopped) touches these.
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, String> lastProblem = new HashMap<>();
    private volatile Instant downSince;
    private Duration retry;
    private volatile boolean catchingUp;
    private long copiedEvents;
    private long copiedAudio;
    private volatile int failedPasses;

    private JournalReplicator(Database db, Path dataDir, Clock clock, Settings settings) {
        this.db = db;
        this.drillsDir = dataDir.resolve("drills");
        this.clock = clock;
        this.settings = settings;
        this.copier = new DrillCopier(db.dataSource(), drillsDir, clock);
        this.retry = settings.firstRetry();
        this.thread = new Thread(this::run, "journal-replicator");
        thread.setDaemon(true);
    }

    /** Starts copying the drills under {@code dataDir/drills} into {@code db}. */
    public static JournalReplicator start(Database db, Path dataDir, Clock clock, Settings settings) {
        JournalReplicator replicator = new JournalReplicator(db, dataDir, clock, settings);
        replicator.thread.start();
        return replicator;
    }

    public static JournalReplicator start(Database db, Path dataDir) {
        return start(db, dataDir, Clock.systemUTC(), Settings.DEFAULTS);
    }

    /** A drill went on the line: copy it as it runs. */
    public synchronized void drillStarted(String id) {
        active.add(id);
        finishing.remove(id);
        ended.remove(id);  // the start-up scan may have seen its fresh directory first
        woken = true;
        notifyAll();
    }

    /** A drill ended: copy it until its final report is in (or, if it never comes, mark it partial). */
    public synchronized void drillFinished(String id) {
        if (active.remove(id)) finishing.put(id, clock.instant().plus(settings.finishGrace()));
        else ended.add(id);
        woken = true;
        notifyAll();
    }

    /** Stops the thread and makes one last pass; running drills are cut off, so they are stored as partial. */
    @Override
    public void close() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, "journal replicator did not stop within 30 s; drills not yet copied are kept on disk");
            return;
        }
        synchronized (this) {
            ended.addAll(active);
            ended.addAll(finishing.keySet());
            active.clear();
            finishing.clear();
        }
        if (!pass()) {
            int left;
            synchronized (this) {
                left = ended.size();
            }
            LOG.log(Level.WARNING, left + " drill(s) not copied to the database " + db.description()
                    + " before stopping; they are kept on disk and copied at the next start");
        }
    }

    private void run() {
        while (true) {
            synchronized (this) {
                woken = false;
            }
            boolean ok = pass();
            synchronized (this) {
                // A drill starting or ending cuts the interval short, but not a back-off: that is for the database's sake.
                long deadline = System.nanoTime() + (ok ? settings.interval() : retry).toNanos();
                for (long left; !stopping && !(ok && woken) && (left = deadline - System.nanoTime()) > 0; ) {
                    try {
                        wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopping) return;
            }
        }
    }

    /** One pass over every drill that needs copying; false when the database could not be reached. */
    private boolean pass() {
        try {
            db.ensureMigrated();
            scanOnce();
            boolean caughtUp = true;
            for (String id : work()) caughtUp &= copy(id);
            reachable(caughtUp);
            return true;
        } catch (SQLException | RuntimeException e) {
            // Unreachable, or reachable but failing before any drill (schema, start-up scan): back off either way.
            unreachable(e);
            return false;
        }
    }

    /** Copies one drill; true when it is caught up. Its own failures stay its own; a lost connection ends the pass. */
    private boolean copy(String id) throws SQLException {
        Liveness liveness = liveness(id);
        try {
            DrillCopier.Result result = copier.copy(id, liveness);
            failures.remove(id);
            if (lastProblem.remove(id) != null) LOG.log(Level.INFO, "drill " + id + ": copied again");
            copiedEvents += result.events();
            copiedAudio += result.audioBytes();
            if (liveness == Liveness.ACTIVE) return true;
            if (liveness == Liveness.ENDED || result.status() == DrillStatus.COMPLETE) {
                if (!result.hasReport()) LOG.log(Level.DEBUG, "drill " + id + " has no report.json: nothing to copy to the database");
                done(id);
            }
            return true;
        } catch (SQLException e) {
            if (Problems.isConnection(e)) throw e;
            return drillFailed(id, liveness, e);
        } catch (IOException | RuntimeException e) {
            return drillFailed(id, liveness, e);
        }
    }

    private boolean drillFailed(String id, Liveness liveness, Exception e) {
        String problem = "drill " + id + ": cannot copy it to the database: " + e.getMessage();
        if (!problem.equals(lastProblem.put(id, problem))) LOG.log(Level.WARNING, problem);
        int count = failures.merge(id, 1, Integer::sum);
        if (e instanceof DrillCopier.BadDrillException || (liveness == Liveness.ENDED && count >= MAX_DRILL_FAILURES)) {
            if (liveness == Liveness.ENDED) {
                LOG.log(Level.WARNING, "drill " + id + ": left out of the database until the next start");
                done(id);
            }
        }
        return false;
    }

    private synchronized void done(String id) {
        ended.remove(id);
        finishing.remove(id);
        copier.forget(id);
        failures.remove(id);
        lastProblem.remove(id);
    }

    private synchronized Liveness liveness(String id) {
        if (active.contains(id)) return Liveness.ACTIVE;
        Instant deadline = finishing.get(id);
        if (deadline == null) return Liveness.ENDED;
        if (clock.instant().isBefore(deadline)) return Liveness.FINISHING;
        finishing.remove(id);
        ended.add(id);  // the final report did not come: copy what there is and mark it partial
        return Liveness.ENDED;
    }

    private synchronized Set<String> work() {
        Set<String> ids = new TreeSet<>(ended);
        ids.addAll(active);
        ids.addAll(finishing.keySet());
        return ids;
    }

    /** At start-up: every drill directory the database does not hold complete (new, partial, or cut off by a crash). */
    private void scanOnce() throws SQLException {
        synchronized (this) {
            if (scanned) return;
        }
        Set<String> complete = new HashSet<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM drills WHERE status = 'complete'")) {
            while (rs.next()) complete.add(rs.getString(1));
        }
        Set<String> found = new TreeSet<>();
        if (Files.isDirectory(drillsDir)) {
            try (Stream<Path> dirs = Files.list(drillsDir)) {
                dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString())
                        .filter(id -> !complete.contains(id)).forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                LOG.log(Level.WARNING, "cannot list " + drillsDir + " (" + e.getMessage() + "); only new drills will be copied");
            }
        }
        synchronized (this) {
            found.removeAll(active);
            found.removeAll(finishing.keySet());
            ended.addAll(found);
            scanned = true;
        }
        if (!found.isEmpty()) LOG.log(Level.INFO, found.size() + " drill(s) on disk not complete in the database " + db.description() + "; copying");
    }

    private void reachable(boolean caughtUp) {
        if (downSince != null) {
            LOG.log(Level.INFO, String.format("database %s reachable again after %.1f s; catching up", db.description(),
                    Duration.between(downSince, clock.instant()).toMillis() / 1000.0));
            downSince = null;
            catchingUp = true;
        }
        retry = settings.firstRetry();
        if (catchingUp && caughtUp) {
            catchingUp = false;
            LOG.log(Level.INFO, "database " + db.description() + " caught up: " + copiedEvents + " events and "
                    + copiedAudio / 1024 + " KB of audio copied since it went away");
        }
    }

    private void unreachable(Exception e) {
        failedPasses++;
        if (downSince == null) {
            downSince = clock.instant();
            copiedEvents = 0;
            copiedAudio = 0;
            LOG.log(Level.WARNING, "database " + db.description() + " unavailable (" + Problems.describe(e)
                    + "); drills are kept on disk and copied when it is back; retrying every "
                    + settings.firstRetry().toMillis() + " ms up to " + settings.maxRetry().toSeconds() + " s");
        } else {
            retry = retry.multipliedBy(2).compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : retry.multipliedBy(2);
        }
    }

    /** Passes that could not reach the database, since the start. */
    int failedPasses() {
        return failedPasses;
    }

    /** True once the start-up scan ran and nothing is waiting to be copied but the running drills (tests, status). */
    public synchronized boolean idle() {
        return scanned && ended.isEmpty() && finishing.isEmpty() && downSince == null && !catchingUp;
    }
}
