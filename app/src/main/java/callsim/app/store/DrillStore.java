package callsim.app.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** What the review UI and the JSON API read from the database (filled by the journal replicator). */
public interface DrillStore {
    Page<DrillRow> list(DrillFilter filter, int page, int size);

    Optional<DrillRow> row(String id);

    /** The latest report snapshot, exactly the report.json fields. */
    Optional<JsonNode> report(String id);

    /** The stereo recording as a WAV file (caller left, agent right), as far as it has been stored. */
    Optional<byte[]> recordingWav(String id);

    List<ScoreOverride> overrides(String drillId);

    /** @throws IllegalArgumentException for an unknown drill or technique, a score outside 0-100 or an empty reason */
    ScoreOverride override(String drillId, String techniqueId, int score, String reason, String overriddenBy);
}
