package callsim.review.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Logins, browser sessions and API tokens over the {@code users}, {@code sessions} and {@code api_tokens}
 * tables. Cookie values and API tokens are 256-bit random secrets; only their SHA-256 is stored, so a
 * copy of the database lets nobody in. A session lasts {@link #IDLE_TIMEOUT} past its last use, and
 * never longer than {@link #ABSOLUTE_LIFETIME} after login.
 */
public final class JdbcAuthenticator implements Authenticator {
    public static final Duration ABSOLUTE_LIFETIME = Duration.ofHours(8);
    public static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);
    public static final String API_TOKEN_PREFIX = "cs_";
    private static final Pattern TOKEN_NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int MAX_SECRET_LENGTH = 200;  // ours are 43-46 characters; longer is not worth hashing
    private static final String SESSION_USER = "SELECT s.csrf_token, s.created_at AS session_created, s.expires_at AS session_expires,"
            + " u.id, u.username, u.display_name, u.role, u.team, u.agent_key, u.created_at, u.disabled"
            + " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?";
    private static final String TOKEN_USER = "SELECT t.id AS token_id, u.id, u.username, u.display_name, u.role, u.team,"
            + " u.agent_key, u.created_at, u.disabled FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?";

    private final DataSource db;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final JdbcAccounts accounts;
    private final String dummyHash;

    public JdbcAuthenticator(DataSource db, Clock clock) {
        this(db, clock, new PasswordHasher());
    }

    public JdbcAuthenticator(DataSource db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
        this.accounts = new JdbcAccounts(db, clock, hasher);
        this.dummyHash = hasher.hash("not anyone's password".toCharArray());
    }

    public JdbcAccounts accounts() {
        return accounts;
    }

    @Override
    public Optional<User> login(String username, char[] password) {
        char[] given = password == null ? new char[0] : password;
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<JdbcAccounts.Credentials> found = JdbcAccounts.USERNAME.matcher(name).matches()
                ? accounts.credentials(name) : Optional.empty();
        if (found.isEmpty()) {
            hasher.matches(given, dummyHash);  // an unknown name costs what a wrong password costs
            return Optional.empty();
        }
        JdbcAccounts.Credentials credentials = found.get();
        // Checked even for a disabled account, so its answer takes as long as anyone else's.
        if (!hasher.matches(given, credentials.passwordHash()) || credentials.account().disabled()) return Optional.empty();
        User user = credentials.account().user();
        if (hasher.needsRehash(credentials.passwordHash())) accounts.rehash(user.id(), hasher.hash(given));
        return Optional.of(user);
    }

    @Override
    public Session startSession(User user) {
        String cookie = Secrets.random();
        String csrf = Secrets.random();
        Instant now = now();
        Instant expires = now.plus(IDLE_TIMEOUT);
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    Secrets.sha256(cookie), user.id(), csrf, now, expires);
        } catch (SQLException e) {
            throw Jdbc.failure("starting a session", e);
        }
        purgeExpiredSessions();  // logins are rare enough to tidy up after
        return new Session(cookie, csrf, expires, user);
    }

    @Override
    public Optional<Session> session(String cookieValue) {
        if (!plausible(cookieValue)) return Optional.empty();
        String idHash = Secrets.sha256(cookieValue);
        Instant now = now();
        try (Connection c = db.getConnection()) {
            Optional<StoredSession> found = Jdbc.one(c, SESSION_USER, rs -> new StoredSession(JdbcAccounts.account(rs),
                    rs.getString("csrf_token"), Jdbc.instant(rs, "session_created"), Jdbc.instant(rs, "session_expires")), idHash);
            if (found.isEmpty()) return Optional.empty();
            StoredSession s = found.get();
            Instant deadline = s.created.plus(ABSOLUTE_LIFETIME);
            if (s.account.disabled() || !now.isBefore(s.expires) || !now.isBefore(deadline)) {
                Jdbc.update(c, "DELETE FROM sessions WHERE id_hash = ?", idHash);
                return Optional.empty();
            }
            Instant extended = min(now.plus(IDLE_TIMEOUT), deadline);
            if (extended.isAfter(s.expires)) {
                Jdbc.update(c, "UPDATE sessions SET expires_at = ? WHERE id_hash = ?", extended, idHash);
            }
            return Optional.of(new Session(cookieValue, s.csrf, max(extended, s.expires), s.account.user()));
        } catch (SQLException e) {
            throw Jdbc.failure("reading a session", e);
        }
    }

    @Override
    public void endSession(String cookieValue) {
        if (!plausible(cookieValue)) return;
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "DELETE FROM sessions WHERE id_hash = ?", Secrets.sha256(cookieValue));
        } catch (SQLException e) {
            throw Jdbc.failure("ending a session", e);
        }
    }

    /** Deletes sessions past their idle or absolute expiry; returns how many. */
    public int purgeExpiredSessions() {
        Instant now = now();
        try (Connection c = db.getConnection()) {
            return Jdbc.update(c, "DELETE FROM sessions WHERE expires_at <= ? OR created_at <= ?", now, now.minus(ABSOLUTE_LIFETIME));
        } catch (SQLException e) {
            throw Jdbc.failure("purging expired sessions", e);
        }
    }

    /**
     * A new API token for the user, {@code cs_} and 43 random characters. It is returned this once:
     * only its hash is stored.
     *
     * @throws IllegalArgumentException for a bad or taken name, or a disabled account
     */
    public String createApiToken(User user, String name) {
        if (name == null || !TOKEN_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("token name '" + name + "' is not allowed: use 1 to 100 of letters, digits, '.', '_' or '-', like export-script");
        }
        String token = API_TOKEN_PREFIX + Secrets.random();
        try (Connection c = db.getConnection()) {
            boolean disabled = Jdbc.one(c, "SELECT disabled FROM users WHERE id = ?", rs -> rs.getBoolean(1), user.id())
                    .orElseThrow(() -> new IllegalArgumentException("no user '" + user.username() + "'"));
            if (disabled) throw new IllegalArgumentException("user '" + user.username() + "' is disabled");
            if (Jdbc.one(c, "SELECT id FROM api_tokens WHERE user_id = ? AND name = ?", rs -> rs.getLong(1), user.id(), name).isPresent()) {
                throw new IllegalArgumentException("'" + user.username() + "' already has a token named " + name + "; revoke it first or pick another name");
            }
            Jdbc.insert(c, "INSERT INTO api_tokens (token_hash, user_id, name, created_at) VALUES (?, ?, ?, ?)",
                    Secrets.sha256(token), user.id(), name, now());
            return token;
        } catch (SQLException e) {
            throw Jdbc.failure("creating an API token", e);
        }
    }

    /** @return false when the user has no token by that name */
    public boolean revokeApiToken(User user, String name) {
        try (Connection c = db.getConnection()) {
            return Jdbc.update(c, "DELETE FROM api_tokens WHERE user_id = ? AND name = ?", user.id(), name) > 0;
        } catch (SQLException e) {
            throw Jdbc.failure("revoking an API token", e);
        }
    }

    public List<ApiToken> apiTokens(User user) {
        try (Connection c = db.getConnection()) {
            return Jdbc.query(c, "SELECT name, created_at, last_used_at FROM api_tokens WHERE user_id = ? ORDER BY name",
                    rs -> new ApiToken(rs.getString("name"), Jdbc.instant(rs, "created_at"),
                            Optional.ofNullable(Jdbc.instant(rs, "last_used_at"))), user.id());
        } catch (SQLException e) {
            throw Jdbc.failure("listing API tokens", e);
        }
    }

    @Override
    public Optional<User> userForApiToken(String token) {
        if (!plausible(token) || !token.startsWith(API_TOKEN_PREFIX)) return Optional.empty();
        try (Connection c = db.getConnection()) {
            Optional<TokenUser> found = Jdbc.one(c, TOKEN_USER,
                    rs -> new TokenUser(rs.getLong("token_id"), JdbcAccounts.account(rs)), Secrets.sha256(token));
            if (found.isEmpty() || found.get().account.disabled()) return Optional.empty();
            Jdbc.update(c, "UPDATE api_tokens SET last_used_at = ? WHERE id = ?", now(), found.get().tokenId);
            return Optional.of(found.get().account.user());
        } catch (SQLException e) {
            throw Jdbc.failure("checking an API token", e);
        }
    }

    @Override
    public Set<String> agentKeysInTeam(String team) {
        return accounts.agentKeysInTeam(team);
    }

    @Override
    public java.util.Map<String, String> agentNames() {
        return accounts.agentNames();
    }

    private record StoredSession(Account account, String csrf, Instant created, Instant expires) {}

    private record TokenUser(long tokenId, Account account) {}

    // The database keeps microseconds; dropping the rest keeps what we return equal to what we stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean plausible(String secret) {
        return secret != null && !secret.isBlank() && secret.length() <= MAX_SECRET_LENGTH;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
