package callsim.app.report;

import callsim.review.report.DrillReport;
import callsim.review.report.ReportMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The drills kept under the data directory: {@code <data>/drills/<id>/report.json} and friends. */
public final class ReportStore {
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,80}");
    /** Three times the pipeline's snapshot interval. */
    static final Duration STILL_RUNNING_WITHIN = Duration.ofSeconds(15);
    private final Path drills;

    public ReportStore(Path dataDir) {
        this.drills = dataDir.resolve("drills");
    }

    public Path drillDir(String id) {
        if (!SAFE_ID.matcher(id).matches()) throw new IllegalArgumentException("not a drill id: '" + id + "'");
        return drills.resolve(id);
    }

    /** Drill ids, oldest first (ids start with their start time, so they sort by it). */
    public List<String> ids() throws IOException {
        if (!Files.isDirectory(drills)) return List.of();
        try (Stream<Path> dirs = Files.list(drills)) {
            return dirs.filter(d -> Files.exists(d.resolve("report.json")))
                    .map(d -> d.getFileName().toString())
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    public Optional<DrillReport> report(String id) throws IOException {
        Path file = drillDir(id).resolve("report.json");
        if (!Files.exists(file)) return Optional.empty();
        return Optional.of(ReportMapper.read(file));
    }

    /** The report.json as JSON, for tests that check the file as a client reads it. */
    public Optional<JsonNode> reportJson(String id) throws IOException {
        Path file = drillDir(id).resolve("report.json");
        if (!Files.exists(file)) return Optional.empty();
        return Optional.of(ReportMapper.MAPPER.readTree(file.toFile()));
    }

    /**
     * Whether the drill is still going on: its report is unfinished and was brought up to date within
     * {@link #STILL_RUNNING_WITHIN} of {@code now} (a running drill rewrites it every few seconds; one
     * that stopped cleanly marks it complete, one that crashed stops touching it).
     */
    public boolean stillRunning(String id, Instant now) throws IOException {
        Path file = drillDir(id).resolve("report.json");
        Optional<DrillReport> report = report(id);
        if (report.isEmpty() || report.get().complete()) return false;
        Instant updated = Files.getLastModifiedTime(file).toInstant();
        return Duration.between(updated, now).compareTo(STILL_RUNNING_WITHIN) <= 0;
    }

    public Optional<String> lastId() throws IOException {
        List<String> ids = ids();
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(ids.size() - 1));
    }
}
