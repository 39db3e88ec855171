package callsim.review.auth;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/** The {@code users} table: who may log in, with which role, team and agent key. */
public final class JdbcAccounts {
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{2,100}");
    static final Pattern AGENT_KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final String COLUMNS = "id, username, display_name, role, team, agent_key, password_hash, created_at, disabled";
    private static final String UNIQUE_VIOLATION = "23505";  // the same SQLSTATE in PostgreSQL and H2

    private final DataSource db;
    private final Clock clock;
    private final PasswordHasher hasher;

    public JdbcAccounts(DataSource db, Clock clock) {
        this(db, clock, new PasswordHasher());
    }

    public JdbcAccounts(DataSource db, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.clock = clock;
        this.hasher = hasher;
    }

    /**
     * Adds an account. Agents need an agent key (the extension their drills carry), supervisors a team.
     * An agent key belongs to one enabled account at a time, so nobody sees another person's drills as their own.
     *
     * @throws IllegalArgumentException saying what is wrong: the username, a weak password, a taken username or key
     */
    public User create(String username, String displayName, Role role, Optional<String> team, Optional<String> agentKey,
                       char[] password) {
        requireUsername(username);
        String name = text("display name", displayName, 200);
        Optional<String> teamName = team.map(t -> text("team", t, 100));
        Optional<String> key = agentKey.map(String::strip);
        key.ifPresent(k -> {
            if (!AGENT_KEY.matcher(k).matches()) {
                throw new IllegalArgumentException("agent key '" + k + "' is not an extension: use letters, digits, '.', '_' or '-' (up to 64), like 201");
            }
        });
        if (role == Role.AGENT && key.isEmpty()) {
            throw new IllegalArgumentException("an agent needs an agent key: the extension their drills carry, like 201");
        }
        if (role == Role.SUPERVISOR && teamName.isEmpty()) {
            throw new IllegalArgumentException("a supervisor needs a team: they review that team's drills");
        }
        PasswordPolicy.check(username, password);
        String hash = hasher.hash(password);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (Jdbc.one(c, "SELECT id FROM users WHERE username = ?", rs -> rs.getLong(1), username).isPresent()) {
                    throw new IllegalArgumentException("user '" + username + "' already exists");
                }
                if (key.isPresent()) {
                    Optional<String> holder = Jdbc.one(c, "SELECT username FROM users WHERE agent_key = ? AND disabled = FALSE",
                            rs -> rs.getString(1), key.get());
                    if (holder.isPresent()) {
                        throw new IllegalArgumentException("agent key " + key.get() + " already belongs to '" + holder.get() + "'");
                    }
                }
                long id = Jdbc.insert(c, "INSERT INTO users (username, display_name, role, team, agent_key, password_hash, created_at, disabled)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE)", username, name, role.name().toLowerCase(Locale.ROOT), teamName, key, hash, clock.instant());
                c.commit();
                return new User(id, username, name, role, teamName, key);
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) throw new IllegalArgumentException("user '" + username + "' already exists", e);
            throw Jdbc.failure("creating user " + username, e);
        }
    }

    public Optional<User> find(String username) {
        return account("SELECT " + COLUMNS + " FROM users WHERE username = ?", username).map(Account::user);
    }

    public Optional<User> find(long id) {
        return account("SELECT " + COLUMNS + " FROM users WHERE id = ?", id).map(Account::user);
    }

    /** The enabled account an agent key belongs to (at most one: see {@link #create}). */
    public Optional<User> findByAgentKey(String agentKey) {
        return account("SELECT " + COLUMNS + " FROM users WHERE agent_key = ? AND disabled = FALSE", agentKey).map(Account::user);
    }

    /** Every account, disabled ones too, by username. */
    public List<Account> list() {
        try (Connection c = db.getConnection()) {
            return Jdbc.query(c, "SELECT " + COLUMNS + " FROM users ORDER BY username", JdbcAccounts::account);
        } catch (SQLException e) {
            throw Jdbc.failure("listing users", e);
        }
    }

    /**
     * Stops an account logging in and ends its sessions; its API tokens stop working too.
     *
     * @return false when it was disabled already
     * @throws IllegalArgumentException for an unknown user
     */
    public boolean disable(String username) {
        long id = existing(username).id();
        try (Connection c = db.getConnection()) {
            int changed = Jdbc.update(c, "UPDATE users SET disabled = TRUE WHERE id = ? AND disabled = FALSE", id);
            Jdbc.update(c, "DELETE FROM sessions WHERE user_id = ?", id);
            return changed == 1;
        } catch (SQLException e) {
            throw Jdbc.failure("disabling " + username, e);
        }
    }

    /**
     * Sets a new password and ends the account's sessions, so a reset locks out whoever knew the old one.
     *
     * @throws IllegalArgumentException for an unknown user or a password the policy refuses
     */
    public void changePassword(String username, char[] password) {
        long id = existing(username).id();
        PasswordPolicy.check(username, password);
        String hash = hasher.hash(password);
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, id);
            Jdbc.update(c, "DELETE FROM sessions WHERE user_id = ?", id);
        } catch (SQLException e) {
            throw Jdbc.failure("changing the password of " + username, e);
        }
    }

    /**
     * The agent keys of the team's enabled agents. A disabled agent's drills leave their supervisor's view
     * (an admin still sees them), since their key may be handed to someone else.
     */
    public Set<String> agentKeysInTeam(String team) {
        try (Connection c = db.getConnection()) {
            return new LinkedHashSet<>(Jdbc.query(c, "SELECT agent_key FROM users WHERE team = ? AND role = 'agent'"
                    + " AND disabled = FALSE AND agent_key IS NOT NULL ORDER BY agent_key", rs -> rs.getString(1), team));
        } catch (SQLException e) {
            throw Jdbc.failure("reading team " + team, e);
        }
    }

    /**
     * Moves a user to another team (or none; a supervisor needs one).
     *
     * @throws IllegalArgumentException for an unknown user, or a supervisor left without a team
     */
    public void changeTeam(String username, Optional<String> team) {
        User user = existing(username);
        Optional<String> teamName = team.filter(t -> !t.isBlank()).map(t -> text("team", t, 100));
        if (user.role() == Role.SUPERVISOR && teamName.isEmpty()) {
            throw new IllegalArgumentException("a supervisor needs a team: they review that team's drills");
        }
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "UPDATE users SET team = ? WHERE id = ?", teamName, user.id());
        } catch (SQLException e) {
            throw Jdbc.failure("changing the team of " + username, e);
        }
    }

    /** Display names of the enabled accounts with an agent key, by key: how the pages name an agent. */
    public java.util.Map<String, String> agentNames() {
        try (Connection c = db.getConnection()) {
            java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
            Jdbc.query(c, "SELECT agent_key, display_name FROM users WHERE disabled = FALSE AND agent_key IS NOT NULL",
                    rs -> names.put(rs.getString(1), rs.getString(2)));
            return names;
        } catch (SQLException e) {
            throw Jdbc.failure("reading agents' names", e);
        }
    }

    /** What a login checks: the account, its stored hash and whether it is disabled. */
    record Credentials(Account account, String passwordHash) {}

    Optional<Credentials> credentials(String username) {
        try (Connection c = db.getConnection()) {
            return Jdbc.one(c, "SELECT " + COLUMNS + " FROM users WHERE username = ?",
                    rs -> new Credentials(account(rs), rs.getString("password_hash")), username);
        } catch (SQLException e) {
            throw Jdbc.failure("reading user " + username, e);
        }
    }

    /** Replaces a hash made with an older cost, after a successful login proved the password. */
    void rehash(long userId, String hash) {
        try (Connection c = db.getConnection()) {
            Jdbc.update(c, "UPDATE users SET password_hash = ? WHERE id = ?", hash, userId);
        } catch (SQLException e) {
            throw Jdbc.failure("updating a password hash", e);
        }
    }

    static Account account(ResultSet rs) throws SQLException {
        User user = new User(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)), Jdbc.optional(rs, "team"), Jdbc.optional(rs, "agent_key"));
        return new Account(user, rs.getBoolean("disabled"), Jdbc.instant(rs, "created_at"));
    }

    private Optional<Account> account(String sql, Object param) {
        try (Connection c = db.getConnection()) {
            return Jdbc.one(c, sql, JdbcAccounts::account, param);
        } catch (SQLException e) {
            throw Jdbc.failure("reading a user", e);
        }
    }

    private User existing(String username) {
        return find(username).orElseThrow(() -> new IllegalArgumentException("no user '" + username + "'"));
    }

    private static void requireUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username '" + username + "' is not allowed: use 2 to 100 of a-z, 0-9, '.', '_' or '-' (lower case)");
        }
    }

    private static String text(String what, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty()) throw new IllegalArgumentException("the " + what + " is empty");
        if (stripped.length() > max) throw new IllegalArgumentException("the " + what + " is longer than " + max + " characters");
        if (stripped.chars().anyMatch(Character::isISOControl)) throw new IllegalArgumentException("the " + what + " has control characters in it");
        return stripped;
    }
}
