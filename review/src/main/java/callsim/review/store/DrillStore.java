package callsim.review.store;

import callsim.review.report.DrillReport;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** What the review UI and the JSON API read from the database (filled by the journal replicator). */
public interface DrillStore {
    Page<DrillRow> list(DrillFilter filter, int page, int size);

    Optional<DrillRow> row(String id);

    /** The latest report snapshot. */
    Optional<DrillReport> report(String id);

    /**
     * The stereo recording as a WAV file (caller left, agent right), as far as it has been stored, as a stream
     * that reads the stored audio only as far as it is read: skipping costs nothing, so a range read touches
     * only the bytes asked for.
     */
    Optional<Recording> recording(String id);

    /** The whole recording in memory (the review streams it instead; this is for checks and small tools). */
    default Optional<byte[]> recordingWav(String id) {
        return recording(id).map(r -> {
            try (InputStream in = r.open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new StoreUnavailableException("reading the recording of " + id + ": " + e.getMessage(), e);
            }
        });
    }

    /** A WAV of {@code length} bytes, opened on demand. */
    interface Recording {
        long length();

        InputStream open() throws IOException;
    }

    List<ScoreOverride> overrides(String drillId);

    /** @throws IllegalArgumentException for an unknown drill or technique, a score outside 0-100 or an empty reason */
    ScoreOverride override(String drillId, String techniqueId, int score, String reason, String overriddenBy);
}
