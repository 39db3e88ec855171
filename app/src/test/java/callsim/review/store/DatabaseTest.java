package callsim.review.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.core.Difficulty;
import callsim.core.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path data;

    @Test
    void takesPasswordsOutOfUrlsForLogs() {
        assertThat(Database.withoutPassword("jdbc:postgresql://db:5432/callsim?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/callsim?user=u&password=***&ssl=true");
        assertThat(Database.withoutPassword("jdbc:postgresql://u:s3cret@db/callsim")).isEqualTo("jdbc:postgresql://u:***@db/callsim");
        assertThat(Database.withoutPassword("jdbc:h2:file:/x;USER=sa;PASSWORD=s3cret")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***");
        assertThat(Database.withoutPassword("jdbc:postgresql://db:5432/callsim")).isEqualTo("jdbc:postgresql://db:5432/callsim");
    }

    @Test
    void isEmbeddedInTheDataDirectoryByDefaultAndKeepsDrillsAcrossRestarts() throws Exception {
        try (Database db = Database.open(data, null, Map.of())) {
            assertThat(db.embedded()).isTrue();
            assertThat(db.description()).startsWith("jdbc:h2:file:" + data.resolve("db").toAbsolutePath());
            DrillFiles.report(data, "kept", "PJSIP/201", "double-charge", Difficulty.NORMAL, Instant.parse("2026-01-01T00:00:00Z"),
                    true, Outcome.RESOLVED, 80);
            new DrillCopier(db.dataSource(), data.resolve("drills"), Clock.systemUTC()).copy("kept", DrillCopier.Liveness.ENDED);
        }
        assertThat(Files.exists(data.resolve("db/callsim.mv.db"))).isTrue();
        try (Database db = Database.open(data, null, Map.of())) {
            assertThat(new JdbcDrillStore(db, Clock.systemUTC()).row("kept")).isPresent();
        }
    }

    @Test
    void aSchemaItCannotMigrateFailsTheStartSayingSo() throws Exception {
        Files.createDirectories(data.resolve("db"));
        try (Connection c = DriverManager.getConnection(Database.embeddedUrl(data)); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE drills (id INTEGER)");  // someone else's table, no migration history
        }
        assertThatThrownBy(() -> Database.open(data, null, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema migration failed")
                .hasMessageContaining("jdbc:h2:file:");
    }

    @Test
    void theEmbeddedDatabaseIsReadableByItsOwnerOnly() throws Exception {
        try (Database db = Database.open(data, null, Map.of())) {
            // It holds password hashes and every drill.
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db"))))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void refusesAUrlThatIsNotJdbc() {
        assertThatThrownBy(() -> Database.open(data, "postgres://u:s3cret@db/callsim", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:")
                .hasMessageNotContaining("s3cret");
    }
}
