package callsim.review.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fresh database per test on one throwaway cluster shared by the contract tests (started on first
 * use, stopped by its shutdown hook when the test JVM ends). Tests that stop the server start their own.
 */
final class PostgresDatabase {
    private static LocalPostgres shared;
    private final LocalPostgres own;
    private String url;

    /** On the shared cluster. */
    PostgresDatabase() {
        this(null);
    }

    /** On a cluster the test stops and starts itself. */
    PostgresDatabase(LocalPostgres own) {
        this.own = own;
    }

    Database open(Path dataDir) throws Exception {
        if (url == null) url = (own != null ? own : cluster()).createDatabase();
        return Database.open(dataDir, url, Map.of(Database.USER_ENV, LocalPostgres.USER));
    }

    private static synchronized LocalPostgres cluster() throws IOException {
        if (shared == null) shared = LocalPostgres.create();
        return shared;
    }
}
