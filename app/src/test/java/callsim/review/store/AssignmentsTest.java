package callsim.review.store;

import java.nio.file.Path;
import java.util.Map;

class AssignmentsTest extends AssignmentsContract {
    @Override
    Database open(Path dataDir) {
        return Database.open(dataDir, null, Map.of());
    }
}
