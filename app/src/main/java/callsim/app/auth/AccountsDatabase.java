package callsim.app.auth;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The review database for {@code callsim admin}: the embedded H2 file {@code DATA/db/callsim}, or the
 * {@code --db} JDBC URL (credentials from {@code CALLSIM_DB_USER} / {@code CALLSIM_DB_PASSWORD}), migrated
 * to the current schema. A stand-in until the shared {@code callsim.app.store.Database} opener lands;
 * it opens the same database the same way, so swapping it is a one-line change in the admin command.
 */
public final class AccountsDatabase implements AutoCloseable {
    /** H2 behaving like PostgreSQL, so the one schema and the same SQL run on both. */
    public static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    private static final int H2_DATABASE_IN_USE = 90020;

    private final HikariDataSource pool;

    private AccountsDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    public static AccountsDatabase open(Path dataDir, Optional<String> jdbcUrl) {
        return open(dataDir, jdbcUrl, System.getenv());
    }

    static AccountsDatabase open(Path dataDir, Optional<String> jdbcUrl, Map<String, String> env) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("callsim-accounts");
        config.setMaximumPoolSize(2);
        if (jdbcUrl.isPresent()) {
            if (!jdbcUrl.get().startsWith("jdbc:")) {
                throw new IllegalArgumentException("--db wants a JDBC URL, like jdbc:postgresql://db.example/callsim");
            }
            config.setJdbcUrl(jdbcUrl.get());
            Optional.ofNullable(env.get("CALLSIM_DB_USER")).ifPresent(config::setUsername);
            Optional.ofNullable(env.get("CALLSIM_DB_PASSWORD")).ifPresent(config::setPassword);
        } else {
            Path file = dataDir.resolve("db").resolve("callsim").toAbsolutePath();
            try {
                createPrivateDirectory(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make " + file.getParent(), e);
            }
            config.setJdbcUrl("jdbc:h2:file:" + file + H2_OPTIONS);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw explained(e, jdbcUrl.isPresent() ? "the --db database" : "the database in " + dataDir);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new AccountsDatabase(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    // Password and session hashes live here: readable by the owner only, like the control token.
    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) return;
        Files.createDirectories(dir.getParent());
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException raced) {
            // another process made it first
        }
    }

    // The embedded database is one process's at a time: say so, rather than show H2's lock-file message.
    private static RuntimeException explained(RuntimeException e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == H2_DATABASE_IN_USE) {
                return new IllegalStateException(what + " is in use by another process (is ./callsim serve running with it?)", e);
            }
            if (t instanceof SQLException sql) {
                return new IllegalStateException("cannot open " + what + ": " + sql.getMessage(), e);
            }
        }
        return e;
    }
}
