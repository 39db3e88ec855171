package callsim.review.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import callsim.app.asterisk.MutableClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logins, sessions (idle and absolute expiry), CSRF tokens and API tokens on a real (H2) schema. */
class JdbcAuthenticatorTest {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant START = Instant.parse("2026-11-23T08:00:00Z");

    @TempDir
    Path dir;

    private DataSource db;
    private final MutableClock clock = new MutableClock(START);
    private JdbcAuthenticator auth;
    private User alice;

    @BeforeEach
    void setUp() {
        db = AuthTestDatabase.migrated(dir);
        auth = new JdbcAuthenticator(db, clock);
        alice = auth.accounts().create("alice", "Alice Smith", Role.AGENT, Optional.of("blue"), Optional.of("201"), PASSWORD.toCharArray());
    }

    @Test
    void theRightPasswordLogsInAndAnythingElseDoesNot() {
        assertThat(auth.login("alice", PASSWORD.toCharArray())).contains(alice);
        assertThat(auth.login(" Alice ", PASSWORD.toCharArray())).as("names are lower case").contains(alice);

        assertThat(auth.login("alice", "correct horse batter".toCharArray())).isEmpty();
        assertThat(auth.login("alice", new char[0])).isEmpty();
        assertThat(auth.login("alice", null)).isEmpty();
        assertThat(auth.login("mallory", PASSWORD.toCharArray())).as("unknown user").isEmpty();
        assertThat(auth.login("not a username!", PASSWORD.toCharArray())).isEmpty();
        assertThat(auth.login(null, PASSWORD.toCharArray())).isEmpty();
    }

    @Test
    void aDisabledAccountCannotLogInEvenWithItsPassword() {
        auth.accounts().disable("alice");

        assertThat(auth.login("alice", PASSWORD.toCharArray())).isEmpty();
    }

    @Test
    void aNewPasswordReplacesTheOld() {
        auth.accounts().changePassword("alice", "a brand new passphrase".toCharArray());

        assertThat(auth.login("alice", PASSWORD.toCharArray())).isEmpty();
        assertThat(auth.login("alice", "a brand new passphrase".toCharArray())).contains(alice);
    }

    @Test
    void loggingInUpgradesAHashMadeWithFewerIterations() throws Exception {
        JdbcAuthenticator stronger = new JdbcAuthenticator(db, clock, new PasswordHasher(400_000));

        assertThat(stronger.login("alice", PASSWORD.toCharArray())).contains(alice);
        assertThat(storedStrings("SELECT password_hash FROM users")).singleElement().asString().startsWith("pbkdf2-sha256$400000$");
        assertThat(auth.login("alice", PASSWORD.toCharArray())).as("still the same password").contains(alice);
    }

    @Test
    void aSessionIsFoundByItsCookieWhichTheDatabaseNeverHolds() throws Exception {
        Session session = auth.startSession(alice);

        assertThat(session.cookieValue()).matches("[A-Za-z0-9_-]{43}");
        assertThat(session.user()).isEqualTo(alice);
        assertThat(auth.session(session.cookieValue())).contains(session);

        List<String> stored = storedStrings("SELECT id_hash, csrf_token FROM sessions");
        assertThat(stored).containsExactlyInAnyOrder(sha256Hex(session.cookieValue()), session.csrfToken());
        assertThat(stored).noneMatch(value -> value.contains(session.cookieValue()));
    }

    @Test
    void unknownOrMalformedCookiesFindNothing() throws Exception {
        Session session = auth.startSession(alice);

        assertThat(auth.session(sha256Hex(session.cookieValue()))).as("the stored hash is not a cookie").isEmpty();
        assertThat(auth.session("")).isEmpty();
        assertThat(auth.session(null)).isEmpty();
        assertThat(auth.session("x".repeat(10_000))).isEmpty();
    }

    @Test
    void aSessionUnusedForThirtyMinutesExpiresAndUseKeepsItAlive() throws Exception {
        Session session = auth.startSession(alice);
        assertThat(session.expiresAt()).isEqualTo(START.plus(Duration.ofMinutes(30)));

        clock.advance(Duration.ofMinutes(29));
        assertThat(auth.session(session.cookieValue())).get().extracting(Session::expiresAt)
                .isEqualTo(START.plus(Duration.ofMinutes(59)));
        clock.advance(Duration.ofMinutes(29));
        assertThat(auth.session(session.cookieValue())).as("58 minutes in, used 29 minutes ago").isPresent();

        clock.advance(Duration.ofMinutes(30));
        assertThat(auth.session(session.cookieValue())).as("idle for 30 minutes").isEmpty();
        assertThat(storedStrings("SELECT id_hash FROM sessions")).as("the expired session is deleted").isEmpty();
    }

    @Test
    void aSessionEndsEightHoursAfterLoginHoweverBusy() {
        Session session = auth.startSession(alice);

        for (int minutes = 20; minutes < 8 * 60; minutes += 20) {
            clock.advance(Duration.ofMinutes(20));
            Optional<Session> used = auth.session(session.cookieValue());
            assertThat(used).as("%d minutes in", minutes).isPresent();
            assertThat(used.get().expiresAt()).isBeforeOrEqualTo(START.plus(Duration.ofHours(8)));
        }
        clock.advance(Duration.ofMinutes(20));
        assertThat(auth.session(session.cookieValue())).as("8 hours in").isEmpty();
    }

    @Test
    void loggingOutDisablingOrChangingThePasswordEndsSessions() {
        Session loggedOut = auth.startSession(alice);
        auth.endSession(loggedOut.cookieValue());
        assertThat(auth.session(loggedOut.cookieValue())).isEmpty();

        Session beforeReset = auth.startSession(alice);
        auth.accounts().changePassword("alice", "a brand new passphrase".toCharArray());
        assertThat(auth.session(beforeReset.cookieValue())).isEmpty();

        Session beforeDisable = auth.startSession(alice);
        auth.accounts().disable("alice");
        assertThat(auth.session(beforeDisable.cookieValue())).isEmpty();
    }

    @Test
    void purgingDeletesOnlyExpiredSessions() throws Exception {
        auth.startSession(alice);
        auth.startSession(alice);
        clock.advance(Duration.ofMinutes(31));
        Session fresh = auth.startSession(alice);  // which purges the two idle ones itself

        assertThat(storedStrings("SELECT id_hash FROM sessions")).containsExactly(sha256Hex(fresh.cookieValue()));
        clock.advance(Duration.ofMinutes(31));
        assertThat(auth.purgeExpiredSessions()).isEqualTo(1);
    }

    @Test
    void csrfTokensBelongToTheirSession() {
        Session session = auth.startSession(alice);
        Session other = auth.startSession(alice);

        assertThat(session.csrfToken()).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(other.csrfToken());
        assertThat(Csrf.valid(auth.session(session.cookieValue()).orElseThrow(), session.csrfToken())).isTrue();
        assertThat(Csrf.valid(session, other.csrfToken())).as("another session's token").isFalse();
        assertThat(Csrf.valid(session, session.csrfToken() + "x")).isFalse();
        assertThat(Csrf.valid(session, session.csrfToken().substring(1))).isFalse();
        assertThat(Csrf.valid(session, "")).as("missing").isFalse();
        assertThat(Csrf.valid(session, null)).as("missing").isFalse();
        assertThat(Csrf.valid(null, session.csrfToken())).as("no session").isFalse();
    }

    @Test
    void anApiTokenIsShownOnceStoredAsAHashAndActsAsItsUser() throws Exception {
        String token = auth.createApiToken(alice, "export-script");

        assertThat(token).matches("cs_[A-Za-z0-9_-]{43}");
        assertThat(storedStrings("SELECT token_hash, name FROM api_tokens")).containsExactlyInAnyOrder(sha256Hex(token), "export-script");
        assertThat(auth.apiTokens(alice)).containsExactly(new ApiToken("export-script", START, Optional.empty()));

        clock.advance(Duration.ofMinutes(5));
        assertThat(auth.userForApiToken(token)).contains(alice);
        assertThat(auth.apiTokens(alice).get(0).lastUsedAt()).contains(START.plus(Duration.ofMinutes(5)));

        assertThat(auth.userForApiToken(token.substring(3))).as("without its prefix").isEmpty();
        assertThat(auth.userForApiToken("cs_" + "A".repeat(43))).isEmpty();
        assertThat(auth.userForApiToken(sha256Hex(token))).isEmpty();
        assertThat(auth.userForApiToken(null)).isEmpty();
    }

    @Test
    void aRevokedTokenOrADisabledUsersTokenStopsWorking() {
        String revoked = auth.createApiToken(alice, "old-script");
        String kept = auth.createApiToken(alice, "export-script");

        assertThat(auth.revokeApiToken(alice, "old-script")).isTrue();
        assertThat(auth.revokeApiToken(alice, "old-script")).isFalse();
        assertThat(auth.userForApiToken(revoked)).isEmpty();
        assertThat(auth.userForApiToken(kept)).contains(alice);

        auth.accounts().disable("alice");
        assertThat(auth.userForApiToken(kept)).isEmpty();
        assertThatThrownBy(() -> auth.createApiToken(alice, "new-script")).hasMessage("user 'alice' is disabled");
    }

    @Test
    void tokenNamesAreCheckedAndUniquePerUser() {
        auth.createApiToken(alice, "export-script");

        assertThatThrownBy(() -> auth.createApiToken(alice, "export-script")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'alice' already has a token named export-script; revoke it first or pick another name");
        assertThatThrownBy(() -> auth.createApiToken(alice, "my script")).hasMessageStartingWith("token name 'my script' is not allowed");
    }

    @Test
    void teamKeysComeFromTheAccounts() {
        auth.accounts().create("bob", "Bob", Role.AGENT, Optional.of("blue"), Optional.of("202"), PASSWORD.toCharArray());

        assertThat(auth.agentKeysInTeam("blue")).containsExactlyInAnyOrder("201", "202");
    }

    private List<String> storedStrings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) values.add(rs.getString(i));
            }
        }
        return values;
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }
}
