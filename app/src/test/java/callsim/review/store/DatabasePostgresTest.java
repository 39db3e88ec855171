package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class DatabasePostgresTest {
    private static LocalPostgres pg;
    @TempDir
    Path data;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = LocalPostgres.create();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) pg.close();
    }

    @Test
    void takesTheCredentialsFromTheEnvironmentAndNeverLogsThePassword() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.url("postgres"), LocalPostgres.USER, ""); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE callsim_app LOGIN PASSWORD 'not-checked-under-trust'");
            s.execute("CREATE DATABASE callsim_app_db OWNER callsim_app");
        }
        try (CapturedLog log = new CapturedLog(Database.class);
             Database db = Database.open(data, pg.url("callsim_app_db"),
                     Map.of(Database.USER_ENV, "callsim_app", Database.PASSWORD_ENV, "s3cret-pw"));
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("callsim_app");
            assertThat(db.embedded()).isFalse();
            assertThat(log.messages(Level.INFO)).anyMatch(m -> m.contains("ready")).noneMatch(m -> m.contains("s3cret-pw"));
            assertThat(db.description()).doesNotContain("s3cret-pw");
        }
    }

    @Test
    void startsWhileTheServerIsDownAndCatchesUpWhenItAnswers() throws Exception {
        String url = pg.createDatabase();
        pg.stop();
        try {
            DrillFiles.report(data, "early", "PJSIP/201", "double-charge", Difficulty.NORMAL, Instant.parse("2026-01-01T00:00:00Z"),
                    true, Outcome.RESOLVED, 80);
            DrillFiles.append(data, "early", DrillFiles.event("CallConnected", 0) + "\n");
            try (CapturedLog log = new CapturedLog(Database.class);
                 Database db = Database.open(data, url, Map.of(Database.USER_ENV, LocalPostgres.USER))) {
                assertThat(log.messages(Level.WARNING)).singleElement().asString()
                        .contains("cannot be reached").contains(url).contains("serving anyway");
                assertThatThrownBy(db::ensureMigrated).isInstanceOf(SQLException.class);
                try (JournalReplicator replicator = JournalReplicator.start(db, data)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> replicator.failedPasses() >= 1);
                    pg.start();
                    await().atMost(Duration.ofSeconds(60)).until(replicator::idle);
                    assertThat(new JdbcDrillStore(db, Clock.systemUTC()).row("early").orElseThrow().status())
                            .isEqualTo(DrillStatus.COMPLETE);
                }
            }
        } finally {
            pg.start();
        }
    }
}
