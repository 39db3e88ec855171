package callsim.review.store;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class JournalReplicatorTest extends JournalReplicatorContract {
    @Override
    Database open(Path dataDir) {
        return Database.open(dataDir, null, Map.of());
    }
}
