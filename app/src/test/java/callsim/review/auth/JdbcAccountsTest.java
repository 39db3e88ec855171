package callsim.review.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.app.asterisk.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcAccountsTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    private DataSource db;
    private JdbcAccounts accounts;

    @BeforeEach
    void setUp() {
        db = AuthTestDatabase.migrated(dir);
        accounts = new JdbcAccounts(db, new MutableClock(NOW));
    }

    private User agent(String username, String team, String key) {
        return accounts.create(username, username, Role.AGENT, Optional.of(team), Optional.of(key), PASSWORD);
    }

    @Test
    void aCreatedUserIsFoundByNameAndIdWithEverythingItWasGiven() {
        User alice = accounts.create("alice", "  Alice Smith ", Role.SUPERVISOR, Optional.of("blue"), Optional.of("250"), PASSWORD);

        assertThat(alice).isEqualTo(new User(alice.id(), "alice", "Alice Smith", Role.SUPERVISOR, Optional.of("blue"), Optional.of("250")));
        assertThat(accounts.find("alice")).contains(alice);
        assertThat(accounts.find(alice.id())).contains(alice);
        assertThat(accounts.find("bob")).isEmpty();
        assertThat(accounts.list()).containsExactly(new Account(alice, false, NOW));
    }

    @Test
    void onlyThePasswordHashIsStored() throws Exception {
        agent("alice", "blue", "201");

        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT password_hash FROM users")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("pbkdf2-sha256$310000$").doesNotContain("horse");
        }
    }

    @Test
    void badAccountDetailsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> accounts.create("Alice", "A", Role.ADMIN, Optional.empty(), Optional.empty(), PASSWORD))
                .hasMessage("username 'Alice' is not allowed: use 2 to 100 of a-z, 0-9, '.', '_' or '-' (lower case)");
        assertThatThrownBy(() -> accounts.create("a", "A", Role.ADMIN, Optional.empty(), Optional.empty(), PASSWORD))
                .hasMessageStartingWith("username 'a' is not allowed");
        assertThatThrownBy(() -> accounts.create("al ice", "A", Role.ADMIN, Optional.empty(), Optional.empty(), PASSWORD))
                .hasMessageStartingWith("username 'al ice' is not allowed");
        assertThatThrownBy(() -> accounts.create("alice", "A", Role.AGENT, Optional.of("blue"), Optional.empty(), PASSWORD))
                .hasMessage("an agent needs an agent key: the extension their drills carry, like 201");
        assertThatThrownBy(() -> accounts.create("alice", "A", Role.AGENT, Optional.of("blue"), Optional.of("PJSIP/201"), PASSWORD))
                .hasMessageStartingWith("agent key 'PJSIP/201' is not an extension");
        assertThatThrownBy(() -> accounts.create("alice", "A", Role.SUPERVISOR, Optional.empty(), Optional.empty(), PASSWORD))
                .hasMessage("a supervisor needs a team: they review that team's drills");
        assertThatThrownBy(() -> accounts.create("alice", " ", Role.ADMIN, Optional.empty(), Optional.empty(), PASSWORD))
                .hasMessage("the display name is empty");
        assertThatThrownBy(() -> accounts.create("alice", "A", Role.ADMIN, Optional.empty(), Optional.empty(), "hunter2".toCharArray()))
                .hasMessage("the password is too short: at least 12 characters, it has 7");
        assertThat(accounts.list()).isEmpty();
    }

    @Test
    void aUsernameIsTakenOnce() {
        agent("alice", "blue", "201");

        assertThatThrownBy(() -> agent("alice", "red", "301")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("user 'alice' already exists");
        assertThat(accounts.list()).hasSize(1);
    }

    @Test
    void anAgentKeyBelongsToOneEnabledAccountAtATime() {
        agent("alice", "blue", "201");

        assertThatThrownBy(() -> agent("bob", "blue", "201")).hasMessage("agent key 201 already belongs to 'alice'");
        assertThatThrownBy(() -> accounts.create("sam", "Sam", Role.SUPERVISOR, Optional.of("blue"), Optional.of("201"), PASSWORD))
                .hasMessage("agent key 201 already belongs to 'alice'");

        accounts.disable("alice");
        assertThat(agent("bob", "blue", "201").agentKey()).contains("201");
    }

    @Test
    void aTeamsAgentKeysAreItsEnabledAgentsOnly() {
        agent("alice", "blue", "201");
        agent("bob", "blue", "202");
        agent("carol", "red", "301");
        accounts.create("sam", "Sam", Role.SUPERVISOR, Optional.of("blue"), Optional.of("250"), PASSWORD);

        assertThat(accounts.agentKeysInTeam("blue")).containsExactlyInAnyOrder("201", "202");
        assertThat(accounts.agentKeysInTeam("red")).containsExactly("301");
        assertThat(accounts.agentKeysInTeam("green")).isEmpty();

        accounts.disable("bob");
        assertThat(accounts.agentKeysInTeam("blue")).containsExactly("201");
    }

    @Test
    void disablingIsShownInTheListAndSaysWhenItWasAlreadyDone() {
        agent("alice", "blue", "201");

        assertThat(accounts.disable("alice")).isTrue();
        assertThat(accounts.disable("alice")).isFalse();
        assertThat(accounts.list()).singleElement().extracting(Account::disabled).isEqualTo(true);
        assertThatThrownBy(() -> accounts.disable("nobody")).hasMessage("no user 'nobody'");
    }

    @Test
    void aNewPasswordMustPassThePolicyToo() {
        agent("alice", "blue", "201");

        assertThatThrownBy(() -> accounts.changePassword("alice", "alicealice".toCharArray())).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> accounts.changePassword("nobody", PASSWORD)).hasMessage("no user 'nobody'");
    }
}
