package callsim.review.store;

import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;

@Timeout(180)
class AssignmentsPostgresTest extends AssignmentsContract {
    private final PostgresDatabase database = new PostgresDatabase();

    @Override
    Database open(Path dataDir) {
        try {
            return database.open(dataDir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
