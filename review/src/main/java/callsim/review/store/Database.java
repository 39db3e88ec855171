package callsim.review.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The review database: a connection pool and its schema, migrated by Flyway. By default an embedded H2
 * file database under {@code DATA/db/} that needs no set-up; for a team, any PostgreSQL URL with the
 * credentials taken from the environment ({@value #USER_ENV}, {@value #PASSWORD_ENV}).
 *
 * <p>A PostgreSQL server that cannot be reached at start-up is not fatal: the drills are journaled on
 * disk anyway, and {@link #ensureMigrated()} finishes the set-up once it answers. A schema that cannot be
 * migrated is fatal: serving on a database we cannot write to would only hide the problem.
 */
public final class Database implements AutoCloseable {
    public static final String USER_ENV = "CALLSIM_DB_USER";
    public static final String PASSWORD_ENV = "CALLSIM_DB_PASSWORD";
    private static final Logger LOG = System.getLogger(Database.class.getName());
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;](?:password|pass|pwd)=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:]*):[^/@]*@");
    // JUL holds loggers weakly: keep the ones we quieten.
    private static final java.util.List<java.util.logging.Logger> QUIETENED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final HikariDataSource pool;
    private final String description;
    private final boolean embedded;
    private volatile boolean migrated;

    private Database(HikariDataSource pool, String description, boolean embedded) {
        this.pool = pool;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * Opens the database at {@code url}, or the embedded one under {@code dataDir/db} when it is null,
     * and migrates its schema.
     *
     * @throws IllegalStateException when the schema cannot be migrated, or the embedded database cannot be opened
     */
    public static Database open(Path dataDir, String url, Map<String, String> env) {
        quietenLibraries();
        boolean embedded = url == null || url.isBlank();
        String jdbcUrl = embedded ? embeddedUrl(dataDir) : url.trim();
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw new IllegalArgumentException("database URL must start with jdbc: (e.g. jdbc:postgresql://HOST:5432/callsim), not '"
                    + withoutPassword(jdbcUrl) + "'");
        }
        if (embedded) {
            try {
                createPrivateDirectory(dataDir.resolve("db"));  // it holds password hashes: owner only
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the embedded database directory " + dataDir.resolve("db") + ": " + e.getMessage(), e);
            }
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("callsim-db");
        config.setJdbcUrl(jdbcUrl);
        if (!embedded) {
            String user = env.get(USER_ENV);
            String password = env.get(PASSWORD_ENV);
            if (user != null && !user.isBlank()) config.setUsername(user);
            if (password != null) config.setPassword(password);
            // A server that went away must not hold a replication pass for minutes.
            if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("connectTimeout")) {
                config.addDataSourceProperty("connectTimeout", "5");
            }
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(3_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(-1);  // start even when the server is down; we check below
        Database db = new Database(new HikariDataSource(config), withoutPassword(jdbcUrl), embedded);
        try {
            db.connectAndMigrate();
        } catch (SQLException e) {
            if (embedded) {
                db.close();
                throw new IllegalStateException("cannot open the embedded database in " + dataDir.resolve("db")
                        + " (is another callsim serving the same data directory?): " + Problems.describe(e), e);
            }
            LOG.log(Level.WARNING, "database " + db.description + " cannot be reached (" + Problems.describe(e)
                    + "); serving anyway: drills are kept on disk and copied once it answers");
        } catch (FlywayException e) {
            db.close();
            throw new IllegalStateException("database " + db.description + ": schema migration failed: " + e.getMessage(), e);
        }
        return db;
    }

    /**
     * The pool warns, with a stack trace, about every connection a stopped server broke, and Flyway warns at every
     * start that it was not tested with this H2; the replicator says once, plainly, when the database is away.
     */
    private static void quietenLibraries() {
        for (String name : new String[] {"com.zaxxer.hikari", "org.flywaydb.core.internal.database.base.Database"}) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.SEVERE);
            if (!QUIETENED.contains(logger)) QUIETENED.add(logger);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Files.createDirectories(dir.toAbsolutePath().getParent());
        try {
            Files.createDirectory(dir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(dir);
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            // another process made it first
        }
    }

    static String embeddedUrl(Path dataDir) {
        Path file = dataDir.resolve("db").resolve("callsim").toAbsolutePath();
        return "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
    }

    /** The URL with any password taken out, for logs and messages. */
    public static String withoutPassword(String url) {
        String text = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(text).replaceAll("$1:***@");
    }

    /**
     * Makes sure the schema is migrated, connecting if we never could before.
     *
     * @throws SQLException when the database cannot be reached
     * @throws IllegalStateException when it can but the schema cannot be migrated
     */
    public void ensureMigrated() throws SQLException {
        if (migrated) return;
        try {
            connectAndMigrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("database " + description + ": schema migration failed: " + e.getMessage(), e);
        }
    }

    private synchronized void connectAndMigrate() throws SQLException {
        if (migrated) return;
        try (Connection probe = pool.getConnection()) {
            // Reachable: from here on a failure is the schema's, not the network's.
            probe.isValid(2);
        }
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        migrated = true;
        LOG.log(Level.INFO, "database " + description + " ready");
    }

    public DataSource dataSource() {
        return pool;
    }

    public boolean embedded() {
        return embedded;
    }

    /** The URL without its password. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public String toString() {
        return "Database[" + description + "]";
    }
}
