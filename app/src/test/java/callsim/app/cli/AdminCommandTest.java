package callsim.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import callsim.app.asterisk.MutableClock;
import callsim.review.auth.AuthTestDatabase;
import callsim.review.auth.JdbcAuthenticator;
import callsim.review.auth.Role;
import callsim.review.auth.User;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code callsim admin}, run as a script would: password as one line on stdin, database in a temporary data directory. */
class AdminCommandTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path data;

    private record Result(int exitCode, String out, String err) {}

    private Result admin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new AdminCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null))
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        return new Result(cli.execute(all.toArray(String[]::new)), out.toString(), err.toString());
    }

    /** The database the commands wrote, read directly once they have closed it. */
    private DataSource db() {
        return AuthTestDatabase.h2(data.resolve("db").resolve("callsim"));
    }

    private Optional<User> login(String username, String password) {
        return new JdbcAuthenticator(db(), new MutableClock(Instant.now())).login(username, password.toCharArray());
    }

    private List<String> usernames() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = db().getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT username FROM users")) {
            while (rs.next()) names.add(rs.getString(1));
        }
        return names;
    }

    @Test
    void createUserTakesThePasswordAsOneLineOfStdin() {
        Result created = admin(PASSWORD + "\nthe next line is not read\n",
                "create-user", "--username", "alice", "--role", "supervisor", "--team", "blue", "--agent-key", "250",
                "--display-name", "Alice Smith");

        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.out()).isEqualTo("created supervisor 'alice' (Alice Smith), team blue, agent key 250\n");
        assertThat(login("alice", PASSWORD)).get().extracting(User::role, User::team).containsExactly(Role.SUPERVISOR, Optional.of("blue"));
        assertThat(login("alice", "the next line is not read")).isEmpty();
    }

    @Test
    void aWindowsLineEndAndADefaultDisplayNameAreHandled() {
        Result created = admin(PASSWORD + "\r\n", "create-user", "--username", "root", "--role", "ADMIN");

        assertThat(created.out()).isEqualTo("created admin 'root' (root)\n");
        assertThat(login("root", PASSWORD)).isPresent();
    }

    @Test
    void aPasswordOptionIsRefusedWithoutEchoingIt() throws Exception {
        for (String[] flag : List.of(new String[] {"--password", "hunter2hunter2"}, new String[] {"--password=hunter2hunter2"},
                new String[] {"-p", "hunter2hunter2"})) {
            List<String> args = new ArrayList<>(List.of("create-user", "--username", "alice", "--role", "admin"));
            args.addAll(List.of(flag));
            Result refused = admin(PASSWORD + "\n", args.toArray(String[]::new));

            assertThat(refused.exitCode()).as(flag[0]).isEqualTo(1);
            assertThat(refused.err()).contains("a password is never given as an option").doesNotContain("hunter2");
            assertThat(refused.out()).isEmpty();
        }
        Result reset = admin(PASSWORD + "\n", "set-password", "--username", "alice", "--password", "hunter2hunter2");
        assertThat(reset.exitCode()).isEqualTo(1);
        assertThat(reset.err()).contains("never given as an option").doesNotContain("hunter2");
        assertThat(data.resolve("db")).as("nothing was opened, let alone created").doesNotExist();
    }

    @Test
    void aWeakOrMissingPasswordCreatesNobody() throws Exception {
        Result tooShort = admin("hunter2\n", "create-user", "--username", "alice", "--role", "admin");
        assertThat(tooShort.exitCode()).isEqualTo(1);
        assertThat(tooShort.err()).isEqualTo("callsim admin create-user: the password is too short: at least 12 characters, it has 7\n");

        Result theUsername = admin("alice.smith.1\n", "create-user", "--username", "alice.smith.1", "--role", "admin");
        assertThat(theUsername.err()).contains("the password must not be the username");

        Result repeated = admin("zzzzzzzzzzzzzzzz\n", "create-user", "--username", "alice", "--role", "admin");
        assertThat(repeated.err()).contains("one character repeated");

        Result empty = admin("", "create-user", "--username", "alice", "--role", "admin");
        assertThat(empty.err()).contains("no password on stdin");

        assertThat(usernames()).isEmpty();
    }

    @Test
    void aTakenUsernameIsAClearError() throws Exception {
        admin(PASSWORD + "\n", "create-user", "--username", "alice", "--role", "agent", "--agent-key", "201");

        Result again = admin("another good passphrase\n", "create-user", "--username", "alice", "--role", "admin");

        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("callsim admin create-user: user 'alice' already exists\n");
        assertThat(login("alice", PASSWORD)).get().extracting(User::role).isEqualTo(Role.AGENT);
    }

    @Test
    void badAccountDetailsAreClearErrors() {
        assertThat(admin(PASSWORD + "\n", "create-user", "--username", "alice", "--role", "boss").err())
                .isEqualTo("callsim admin create-user: --role must be agent, supervisor or admin, not 'boss'\n");
        assertThat(admin(PASSWORD + "\n", "create-user", "--username", "alice", "--role", "agent").err())
                .contains("an agent needs an agent key");
        assertThat(admin(PASSWORD + "\n", "create-user", "--username", "Alice", "--role", "admin").err())
                .contains("username 'Alice' is not allowed");
    }

    @Test
    void listDisableAndResetAccounts() {
        admin(PASSWORD + "\n", "create-user", "--username", "alice", "--role", "agent", "--team", "blue", "--agent-key", "201",
                "--display-name", "Alice Smith");
        admin(PASSWORD + "\n", "create-user", "--username", "sam", "--role", "supervisor", "--team", "blue");

        assertThat(admin("", "set-password", "--username", "alice").err()).contains("no password on stdin");
        Result reset = admin("a brand new passphrase\n", "set-password", "--username", "alice");
        assertThat(reset.out()).isEqualTo("password changed for 'alice': their sessions are ended\n");
        assertThat(login("alice", PASSWORD)).isEmpty();
        assertThat(login("alice", "a brand new passphrase")).isPresent();

        assertThat(admin("", "disable-user", "--username", "sam").out()).isEqualTo("disabled 'sam': their sessions are ended\n");
        assertThat(login("sam", PASSWORD)).isEmpty();
        assertThat(admin("", "disable-user", "--username", "nobody").err()).isEqualTo("callsim admin disable-user: no user 'nobody'\n");

        assertThat(admin("", "list-users").out()).isEqualTo("""
                USERNAME  ROLE        TEAM  AGENT KEY  STATUS    NAME
                alice     agent       blue  201        enabled   Alice Smith
                sam       supervisor  blue  -          disabled  sam
                """);
    }

    @Test
    void aTokenIsPrintedOnceAndWorksUntilRevoked() {
        admin(PASSWORD + "\n", "create-user", "--username", "root", "--role", "admin");

        Result created = admin("", "create-token", "--username", "root", "--name", "export-script");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String token = created.out().strip();
        assertThat(token).matches("cs_[A-Za-z0-9_-]{43}");
        assertThat(created.err()).contains("shown this once");
        JdbcAuthenticator auth = new JdbcAuthenticator(db(), new MutableClock(Instant.now()));
        assertThat(auth.userForApiToken(token)).get().extracting(User::username).isEqualTo("root");

        Result listed = admin("", "list-tokens", "--username", "root");
        assertThat(listed.out()).startsWith("export-script\tcreated ").contains("last used").doesNotContain(token.substring(3));

        assertThat(admin("", "revoke-token", "--username", "root", "--name", "export-script").out())
                .isEqualTo("revoked token 'export-script' of 'root'\n");
        assertThat(auth.userForApiToken(token)).isEmpty();
        assertThat(admin("", "create-token", "--username", "nobody", "--name", "x").err()).contains("no user 'nobody'");
    }

    @Test
    void adminIsACallsimCommand() {
        assertThat(new CommandLine(new Main()).getSubcommands()).containsKey("admin");
    }
}
