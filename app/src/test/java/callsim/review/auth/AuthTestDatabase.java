package callsim.review.auth;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** An H2 file database in PostgreSQL mode, migrated with the real schema: what the tests run the account tables on. */
public final class AuthTestDatabase {
    // Flyway narrates each migration, and warns that it has not been tested with this H2: not news in a test.
    private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

    private AuthTestDatabase() {}

    /** The H2 database at {@code file} (without the .mv.db suffix), as it is: for reading what a command wrote. */
    public static DataSource h2(Path file) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + file.toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        return ds;
    }

    /** A new database in {@code dir}, migrated to the current schema. */
    public static DataSource migrated(Path dir) {
        FLYWAY.setLevel(Level.SEVERE);
        DataSource ds = h2(dir.resolve("callsim"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return ds;
    }
}
