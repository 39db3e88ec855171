package callsim.app.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class JdbcDrillStorePostgresTest extends JdbcDrillStoreContract {
    private static LocalPostgres pg;
    private final PostgresDatabase database = new PostgresDatabase(pg);

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = LocalPostgres.create();
    }

    @AfterAll
    static void stopPostgres() {
        if (pg != null) pg.close();
    }

    @Override
    Database open(Path dataDir) throws Exception {
        return database.open(dataDir);
    }
}
