package callsim.review.store;

import callsim.core.Difficulty;
import callsim.core.Outcome;
import callsim.review.assign.JdbcAssignments;
import callsim.review.assign.Progress;
import callsim.review.auth.JdbcAccounts;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A migrated review database with accounts, drills and assignments, for the assignment tests (store and web):
 * team north (agents 201 and 202, supervisor sue), team south (agent 301), admin ada. Drills are written as
 * the journal writes them and copied in as the replicator does; a drill passes at 70 or more.
 */
public final class AssignmentWorld {
    public static final String PASSWORD = "a long enough test password";

    public final Path dataDir;
    public final Database db;
    public final Clock clock;
    public final JdbcAccounts accounts;
    public final JdbcDrillStore drills;
    public final JdbcAssignments assignments;
    public final Progress progress;
    public final User ann;
    public final User ben;
    public final User cat;
    public final User sue;
    public final User ada;
    private final DrillCopier copier;

    public AssignmentWorld(Path dataDir, Database db, Clock clock) {
        this.dataDir = dataDir;
        this.db = db;
        this.clock = clock;
        this.accounts = new JdbcAccounts(db.dataSource(), clock);
        this.drills = new JdbcDrillStore(db, clock);
        this.assignments = new JdbcAssignments(db.dataSource(), clock);
        this.progress = new Progress(assignments, drills, accounts);
        this.copier = new DrillCopier(db.dataSource(), dataDir.resolve("drills"), Clock.systemUTC());
        ann = user("ann", "Ann Agent", Role.AGENT, "north", "201");
        ben = user("ben", "Ben Agent", Role.AGENT, "north", "202");
        cat = user("cat", "Cat Agent", Role.AGENT, "south", "301");
        sue = user("sue", "Sue Supervisor", Role.SUPERVISOR, "north", null);
        ada = user("ada", "Ada Admin", Role.ADMIN, null, null);
    }

    /** On the embedded H2 database under {@code dataDir}. */
    public static AssignmentWorld h2(Path dataDir, Clock clock) {
        return new AssignmentWorld(dataDir, Database.open(dataDir, null, java.util.Map.of()), clock);
    }

    private User user(String name, String display, Role role, String team, String key) {
        return accounts.create(name, display, role, Optional.ofNullable(team), Optional.ofNullable(key), PASSWORD.toCharArray());
    }

    /** A finished drill of agent {@code key} (passed when {@code score} is 70 or more), or a running one. */
    public void drill(String id, String key, String scenario, Difficulty difficulty, Instant startedAt, int score, boolean finished)
            throws Exception {
        DrillFiles.report(dataDir, id, "Agent <" + key + ">", scenario, difficulty, startedAt, finished,
                finished ? (score >= 70 ? Outcome.RESOLVED : Outcome.CALLER_HUNG_UP) : Outcome.IN_PROGRESS, score);
        copier.copy(id, finished ? DrillCopier.Liveness.ENDED : DrillCopier.Liveness.ACTIVE);
    }
}
