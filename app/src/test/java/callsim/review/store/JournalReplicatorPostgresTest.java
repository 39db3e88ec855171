package callsim.review.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class JournalReplicatorPostgresTest extends JournalReplicatorContract {
    private final PostgresDatabase database = new PostgresDatabase();

    @Override
    Database open(Path dataDir) throws Exception {
        return database.open(dataDir);
    }
}
