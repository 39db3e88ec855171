package callsim.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsDatabaseTest {
    @TempDir
    Path data;

    @Test
    void theEmbeddedDatabaseLivesInAPrivateDirectoryAndKeepsItsAccountsAcrossOpens() throws Exception {
        try (AccountsDatabase db = AccountsDatabase.open(data, Optional.empty())) {
            new JdbcAccounts(db.dataSource(), Clock.systemUTC())
                    .create("root", "Root", Role.ADMIN, Optional.empty(), Optional.empty(), "correct horse battery".toCharArray());
        }
        assertThat(data.resolve("db/callsim.mv.db")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("db")))).isEqualTo("rwx------");

        try (AccountsDatabase again = AccountsDatabase.open(data, Optional.empty())) {
            assertThat(new JdbcAccounts(again.dataSource(), Clock.systemUTC()).find("root")).isPresent();
        }
    }

    @Test
    void aDbOptionThatIsNotAJdbcUrlIsRefused() {
        assertThatThrownBy(() -> AccountsDatabase.open(data, Optional.of("postgres://db/callsim"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--db wants a JDBC URL");
    }
}
