package callsim.app.store;

import java.nio.file.Path;
import java.util.Map;

/** One throwaway cluster per test class, a fresh database per test. */
final class PostgresDatabase {
    private final LocalPostgres pg;
    private String url;

    PostgresDatabase(LocalPostgres pg) {
        this.pg = pg;
    }

    Database open(Path dataDir) throws Exception {
        if (url == null) url = pg.createDatabase();
        return Database.open(dataDir, url, Map.of(Database.USER_ENV, LocalPostgres.USER));
    }
}
