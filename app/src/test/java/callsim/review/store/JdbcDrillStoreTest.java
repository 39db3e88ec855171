package callsim.review.store;

import java.nio.file.Path;
import java.util.Map;

class JdbcDrillStoreTest extends JdbcDrillStoreContract {
    @Override
    Database open(Path dataDir) {
        return Database.open(dataDir, null, Map.of());
    }
}
